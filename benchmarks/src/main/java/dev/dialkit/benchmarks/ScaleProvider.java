package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scale runs' provider: {@code place()} answers at once, in memory (on a thread of its own, as
 * an HTTP client completes its answers), and the call's one webhook goes to {@link ScaleWebhooks}
 * at the same moment: {@code completed} (the call ends at once) or {@code in-progress} (answered,
 * and held until {@link #end} or a hang-up). It keeps nothing per call, so that the heap and
 * threads measured are the dialer's own. Its webhooks are in-process and unsigned: it is never
 * reachable from outside, and the scale runs measure the dialer and the store, not a signature
 * check.
 */
final class ScaleProvider implements CallProvider {
  static final String NAME = "scale";
  static final URI CALLBACK_BASE = URI.create("https://scale.invalid/webhooks");

  /** What a call does once placed. */
  enum Mode {
    END_AT_ONCE,
    ANSWER_AND_HOLD
  }

  private static final ProviderCapabilities CAPABILITIES =
      new ProviderCapabilities(true, true, false, false, true, true);

  /** The threads the answers complete on (the HTTP client's executor, for a real provider). */
  private static final ExecutorService ANSWERS =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "scale-provider-answers");
            t.setDaemon(true);
            return t;
          });

  private final Mode mode;
  private final ScaleWebhooks webhooks;
  private final AtomicLong placed = new AtomicLong();

  ScaleProvider(Mode mode, ScaleWebhooks webhooks) {
    this.mode = mode;
    this.webhooks = webhooks;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** High enough that Dialkit's rate limiter never binds: the store is what is measured. */
  @Override
  public double callsPerSecond() {
    return 1_000_000;
  }

  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    String sid = "SC" + placed.incrementAndGet();
    URI url = CallbackUrls.withParameters(CALLBACK_BASE, request.callbackParameters());
    boolean ends = mode == Mode.END_AT_ONCE;
    webhooks.send(webhook(url, sid, ends ? "completed" : "in-progress"), ends);
    // answered on a thread of its own, as java.net.http's client answers: a stage completed
    // already would run the dialer's recording of the answer on the thread that fills the slots
    return CompletableFuture.supplyAsync(() -> new PlacedCall(sid, null, "queued"), ANSWERS);
  }

  /** Create requests accepted so far. */
  long placed() {
    return placed.get();
  }

  /** Ends a held call: its {@code completed} webhook, to the URL Dialkit gave it. */
  void end(Call call) {
    webhooks.send(webhook(urlOf(call), call.providerCallId(), "completed"), true);
  }

  private static URI urlOf(Call call) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(Webhooks.PROVIDER_PARAMETER, NAME);
    parameters.put(Webhooks.TENANT_PARAMETER, call.tenant().value());
    parameters.put(Webhooks.CALL_PARAMETER, call.id().value());
    return CallbackUrls.withParameters(CALLBACK_BASE, parameters);
  }

  private static WebhookRequest webhook(URI url, String sid, String status) {
    return WebhookRequest.formPost(
        url, Map.of(), "CallSid=" + (sid == null ? "" : sid) + "&CallStatus=" + status);
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    Map<String, List<String>> form = request.formParameters();
    String sid = first(form, "CallSid");
    String raw = first(form, "CallStatus");
    if (raw == null) {
      throw new WebhookRejectedException(
          WebhookRejectedException.Reason.MALFORMED, "no CallStatus");
    }
    return List.of(update(sid == null || sid.isEmpty() ? null : sid, raw));
  }

  private static String first(Map<String, List<String>> form, String key) {
    List<String> values = form.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static CallStatusUpdate update(String sid, String raw) {
    Instant now = Instant.now();
    CallStatusUpdate.Builder update =
        switch (raw) {
          case "in-progress" -> CallStatusUpdate.builder(CallStatus.ANSWERED, raw).answeredAt(now);
          case "completed" -> CallStatusUpdate.builder(CallStatus.COMPLETED, raw).endedAt(now);
          case "canceled" -> CallStatusUpdate.builder(CallStatus.CANCELED, raw).endedAt(now);
          default -> CallStatusUpdate.builder(CallStatus.UNKNOWN, raw);
        };
    return update.providerCallId(sid).occurredAt(now).build();
  }

  /** Ends the call: {@code completed}, as an answered call's hang-up is reported. */
  @Override
  public CompletionStage<Void> hangUp(Call call) {
    end(call);
    return CompletableFuture.completedFuture(null);
  }

  /** What every call of this provider is: ended at once, or answered and held. */
  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    String raw = mode == Mode.END_AT_ONCE ? "completed" : "in-progress";
    return CompletableFuture.completedFuture(Optional.of(update(call.providerCallId(), raw)));
  }
}
