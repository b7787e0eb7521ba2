package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A telephony provider: places calls, and turns its status webhooks into {@link CallStatusUpdate}s.
 * Implementations are thread-safe, keep their credentials per instance, and never block a thread
 * for the length of a call: every network operation returns a {@link CompletionStage} (the JDK's
 * {@code HttpClient.sendAsync} is the intended tool).
 *
 * <p>The provider contract suite in {@code campaign-testkit} checks every implementation.
 */
public interface CallProvider {
  /**
   * A short stable name ({@code twilio}, {@code plivo}); it appears in callback URLs, stored calls
   * and logs, so it must not change between releases. Letters, digits and {@code -} only.
   */
  String name();

  /** What this provider supports. */
  ProviderCapabilities capabilities();

  /**
   * Refuses an agent this provider cannot dial as it should, when a campaign is created (not at its
   * first call): Twilio, for one, ignores the per-call status callback of a call that runs a TwiML
   * application, so Dialkit would hear nothing of it. The default accepts every agent.
   *
   * @throws dev.dialkit.campaign.InvalidConfigurationException naming {@code agent.kind} and why
   */
  default void checkAgent(dev.dialkit.campaign.Agent agent) {}

  /**
   * The account's calls-per-second limit, which Dialkit's rate limiter keeps to (Twilio's default
   * is 1, Plivo's 2). Default: 1.
   */
  default double callsPerSecond() {
    return 1;
  }

  /**
   * Places one call. Every callback URL given to the provider must carry {@link
   * DialRequest#callbackParameters()}. The stage completes when the provider accepted the request,
   * or exceptionally with a {@link ProviderException} that says whether the request is retryable,
   * ambiguous (it may have been acted on) or permanently refused. Implementations must not retry a
   * create request themselves after it may have been sent.
   *
   * <p>The stage may complete on any thread, or already be complete when returned (an
   * implementation that calls a blocking client): Dialkit then records the answer on its scheduler,
   * so that the calls claimed with this one are sent first. A blocking implementation still holds
   * the sending thread for the request itself; prefer an asynchronous client.
   */
  CompletionStage<PlacedCall> place(DialRequest request);

  /**
   * Verifies a webhook's authenticity, then parses it. One webhook usually yields one update; a
   * provider that batches may yield several.
   *
   * @throws WebhookRejectedException with {@link WebhookRejectedException.Reason#SIGNATURE} if the
   *     signature is missing or wrong, {@link WebhookRejectedException.Reason#MALFORMED} if the
   *     body or content type cannot be parsed or a required field is missing
   */
  List<CallStatusUpdate> parseWebhook(WebhookRequest request);

  /**
   * What the voice agent learned on the call {@code update} is about (transcript, summary, fields
   * it extracted), read from {@link CallStatusUpdate#rawPayload()}, for a provider or hosted agent
   * that reports it (Bolna's execution webhook does). Dialkit stores it with the call ({@link
   * dev.dialkit.campaign.Calls#outcome}) after the update was applied. The payload is a stranger's:
   * build the result with {@link Conversation#untrusted}, and never throw. The default reports
   * nothing.
   */
  default Optional<Conversation> conversation(CallStatusUpdate update) {
    return Optional.empty();
  }

  /**
   * Ends a call: cancels it if not answered yet, hangs up if in progress. Completes normally also
   * when the call had already ended. Providers without {@link ProviderCapabilities#hangUp()} return
   * a stage failed with {@link UnsupportedOperationException}.
   */
  CompletionStage<Void> hangUp(Call call);

  /**
   * Asks the provider for a call's current status, for calls whose webhook never came. Empty if the
   * provider does not know the call. Providers without {@link ProviderCapabilities#statusQuery()}
   * return a stage failed with {@link UnsupportedOperationException}.
   */
  CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call);
}
