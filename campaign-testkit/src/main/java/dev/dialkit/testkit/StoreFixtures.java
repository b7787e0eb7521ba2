package dev.dialkit.testkit;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimRequest;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.SlotLimits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values for store tests: fixed instants (never the wall clock), two tenants, valid phone numbers,
 * and builders for campaigns, leads, claims and call transitions.
 */
public final class StoreFixtures {
  /** The instant every store test starts at. */
  public static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

  public static final TenantId TENANT_A = TenantId.of("tenant-a");
  public static final TenantId TENANT_B = TenantId.of("tenant-b");

  /** The dialer instance that holds the leases the helpers take. */
  public static final String OWNER = "dialer-1";

  public static final String OTHER_OWNER = "dialer-2";

  /** Long enough for every claim a single test makes after {@link #T0}. */
  public static final Duration LEASE_TTL = Duration.ofHours(1);

  /** Limits no single test reaches. */
  public static final SlotLimits NO_LIMITS = new SlotLimits(10_000, 10_000, 10_000);

  /** Time zones for leads, none of them the default {@code UTC} of {@link #lead(Campaign, int)}. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  public static final ZoneId LONDON = ZoneId.of("Europe/London");
  public static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

  public static final String PROVIDER = "sim";
  public static final PhoneNumber FROM = PhoneNumber.of("+14155550100");

  private StoreFixtures() {}

  public static Instant at(Duration afterT0) {
    return T0.plus(afterT0);
  }

  public static Instant seconds(long afterT0) {
    return T0.plusSeconds(afterT0);
  }

  /** A draft campaign created at {@link #T0}. */
  public static Campaign draft(TenantId tenant, String id) {
    return draft(tenant, id, T0);
  }

  public static Campaign draft(TenantId tenant, String id, Instant createdAt) {
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("campaign " + id)
            .agent(Agent.answerUrl("https://agent.example.com/answer"))
            .callerIds(List.of(FROM))
            .build();
    return Campaign.draft(CampaignId.of(id), tenant, spec, createdAt);
  }

  /** Distinct valid numbers for {@code n} from 0 to 7,999,999. */
  public static PhoneNumber phone(int n) {
    return PhoneNumber.of("+1415" + (2_000_000 + n));
  }

  /** Queued lead number {@code n} of {@code campaign}, priority 0, due at {@link #T0}. */
  public static Lead lead(Campaign campaign, int n) {
    return lead(campaign, n, 0, T0);
  }

  public static Lead lead(Campaign campaign, int n, int priority) {
    return lead(campaign, n, priority, T0);
  }

  /**
   * Queued lead number {@code n} of {@code campaign}, created at {@link #T0}, due at {@code due}.
   */
  public static Lead lead(Campaign campaign, int n, int priority, Instant due) {
    return lead(campaign, LeadId.of(campaign.id() + "-lead-" + n), phone(n), priority, due);
  }

  /**
   * Queued lead number {@code n} of {@code campaign}, due at {@link #T0}, in time zone {@code
   * zone}.
   */
  public static Lead lead(Campaign campaign, int n, int priority, ZoneId zone) {
    return lead(campaign, lead(campaign, n).id(), phone(n), priority, T0, zone);
  }

  public static Lead lead(
      Campaign campaign, LeadId id, PhoneNumber phone, int priority, Instant due) {
    return lead(campaign, id, phone, priority, due, ZoneOffset.UTC);
  }

  /** A queued lead in time zone {@code zone}. */
  public static Lead lead(
      Campaign campaign, LeadId id, PhoneNumber phone, int priority, Instant due, ZoneId zone) {
    return new Lead(
        id,
        campaign.tenant(),
        campaign.id(),
        phone,
        "Lead " + id,
        null,
        null,
        Map.of("k", "v"),
        zone,
        priority,
        0,
        0,
        LeadState.QUEUED,
        due,
        null,
        T0);
  }

  /** Leads number {@code first} to {@code first + count - 1} of {@code campaign}. */
  public static List<Lead> leads(Campaign campaign, int first, int count) {
    List<Lead> leads = new ArrayList<>(count);
    for (int n = first; n < first + count; n++) {
      leads.add(lead(campaign, n));
    }
    return leads;
  }

  public static ClaimRequest claimRequest(
      Campaign campaign, String owner, Instant now, SlotLimits limits) {
    return claimRequest(campaign, owner, now, limits, (Set<ZoneId>) null);
  }

  /** A claim admitting only leads whose time zone is in {@code zones} ({@code null}: any zone). */
  public static ClaimRequest claimRequest(
      Campaign campaign, String owner, Instant now, SlotLimits limits, Set<ZoneId> zones) {
    return new ClaimRequest(
        campaign.tenant(), campaign.id(), owner, now, limits, PROVIDER, FROM, zones);
  }

  /** A claim of any zone under attempt caps {@code caps}. */
  public static ClaimRequest claimRequest(
      Campaign campaign, String owner, Instant now, SlotLimits limits, AttemptCaps caps) {
    return new ClaimRequest(
        campaign.tenant(), campaign.id(), owner, now, limits, PROVIDER, FROM, null, caps);
  }

  /** {@code call} moved to {@code status} at {@code at}, one version later. */
  public static Call moved(Call call, CallStatus status, Instant at) {
    Call.Builder next = call.toBuilder().status(status).nextVersion(at);
    if (status.isTerminal()) {
      next.endedAt(at);
    }
    return next.build();
  }

  /**
   * A provider update moving {@code call} to {@code status}, keyed {@code dedupeKey}, with one log
   * entry; it leaves the slot and the lead alone.
   */
  public static CallTransition update(Call call, CallStatus status, String dedupeKey, Instant at) {
    Call next = moved(call, status, at);
    return new CallTransition(
        next, call.version(), dedupeKey, false, null, CounterDelta.NONE, List.of(logOf(next, at)));
  }

  /**
   * The end of {@code call} in {@code status}: the slot released, the lead moved as {@code outcome}
   * says and the counters moved as the dialer would move them.
   */
  public static CallTransition end(
      Call call, CallStatus status, LeadOutcome outcome, String dedupeKey, Instant at) {
    Call next = moved(call, status, at);
    CounterDelta counters =
        CounterDelta.of(Counter.LEADS_IN_PROGRESS, -1)
            .plus(Counter.forLeadState(outcome.state()), 1)
            .plus(Counter.forOutcome(status), 1);
    return new CallTransition(
        next, call.version(), dedupeKey, true, outcome, counters, List.of(logOf(next, at)));
  }

  /** A log entry about {@code call}, not yet stored. */
  public static CallLogEntry logOf(Call call, Instant at) {
    return CallLogEntry.draft(
        call, at, CallLogEvent.STATUS_APPLIED, call.status(), "status " + call.status(), "{}");
  }

  /** A log entry about {@code campaign}, or one of its calls when {@code call} is not null. */
  public static CallLogEntry logEntry(Campaign campaign, CallId call, Instant at, String detail) {
    CallLogEvent event = call == null ? CallLogEvent.CAMPAIGN_STATUS : CallLogEvent.CALL_PLACED;
    return new CallLogEntry(
        0, campaign.tenant(), campaign.id(), call, at, event, null, detail, PROVIDER, null);
  }
}
