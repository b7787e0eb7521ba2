package dev.dialkit.campaign;

import java.util.List;
import java.util.Optional;

/** Reads calls, and records what they achieved. */
public interface Calls {
  /** The call, if the tenant has it. */
  Optional<Call> get(TenantId tenant, CallId id);

  /** The campaign's calls that have not ended. */
  List<Call> active(TenantId tenant, CampaignId campaign);

  /**
   * What the call achieved: its disposition and what the agent learned (transcript, summary,
   * extracted fields), if the tenant has the call. The recording is on the {@link Call}.
   */
  Optional<CallOutcome> outcome(TenantId tenant, CallId id);

  /**
   * Records the call's business outcome, one per call: recording the same disposition again does
   * nothing (a retried request is safe); a different one replaces it, and the change is logged and
   * appears in the call's timeline ({@link CallLogEvent#DISPOSITION_RECORDED}). Then the code's
   * effects are applied, each of them idempotent, also when the disposition was unchanged (so that
   * retrying after a crash between the steps completes them):
   *
   * <ul>
   *   <li>{@link DispositionCode#doNotCall()}: the number goes on the tenant's do-not-call list
   *       (source {@link SuppressionSource#OPT_OUT}), so no campaign of the tenant dials it again;
   *   <li>{@link DispositionCode#callback()}: the lead is called back at {@link
   *       Disposition#callbackAt()} in its own time zone ({@link Leads#callback});
   *   <li>{@link DispositionCode#stop()}: a queued retry of the lead is not dialed; the lead is
   *       done.
   * </ul>
   *
   * @return the call's outcome as stored afterwards
   * @throws InvalidConfigurationException if an argument is null, the code is not in the campaign's
   *     {@link CampaignSpec#dispositions()}, or a callback code comes without a callback time
   * @throws IllegalArgumentException if the tenant has no such call (another tenant's call reads as
   *     missing), or the callback cannot be scheduled (see {@link Leads#callback})
   * @throws IllegalCampaignStateException if the callback's campaign has ended
   */
  CallOutcome disposition(TenantId tenant, CallId id, Disposition disposition);
}
