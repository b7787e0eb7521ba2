package dev.dialkit.testkit;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider in front of the simulated one whose faults a test switches on and off. */
final class FlakyProvider implements CallProvider {
  enum Mode {
    /** Passes everything through. */
    HEALTHY,
    /** Refuses every create with a retryable 503 before sending anything. */
    DOWN,
    /** Sends the create, then reports an ambiguous timeout: the call exists. */
    TIMEOUT_AFTER_SEND,
    /** Reports an ambiguous timeout without sending: the call does not exist. */
    TIMEOUT_BEFORE_SEND
  }

  private final SimulatedCallProvider inner;
  private final java.time.Clock clock;
  final List<java.time.Instant> createTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<DialRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  volatile Mode mode = Mode.HEALTHY;
  volatile boolean statusQuery = true;

  /** Off: pretend to be a provider that signs nothing, so Dialkit's own URL token protects it. */
  volatile boolean signs = true;

  final AtomicInteger creates = new AtomicInteger();

  /** When set, parsing a webhook fails with it: a provider module's bug. */
  volatile RuntimeException parseFailure;

  /**
   * When set, every parsed update names this Dialkit call id, as a provider that echoes Dialkit's
   * id in its callback body (a hosted agent platform) would.
   */
  volatile dev.dialkit.campaign.CallId bodyCallId;

  /** When set, every webhook is signed afresh before it is checked: a provider that checks none. */
  volatile dev.dialkit.testkit.internal.SimulatedWebhookCodec trustEveryone;

  FlakyProvider(SimulatedCallProvider inner, java.time.Clock clock) {
    this.inner = inner;
    this.clock = clock;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public ProviderCapabilities capabilities() {
    ProviderCapabilities c = inner.capabilities();
    return new ProviderCapabilities(
        c.hangUp(), statusQuery, c.machineDetection(), c.recording(), c.progressEvents(), signs);
  }

  @Override
  public double callsPerSecond() {
    return inner.callsPerSecond();
  }

  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    creates.incrementAndGet();
    createTimes.add(clock.instant());
    requests.add(request);
    return switch (mode) {
      case HEALTHY -> inner.place(request);
      case DOWN ->
          CompletableFuture.failedFuture(
              new ProviderException(
                  name(),
                  "service unavailable",
                  503,
                  null,
                  FailureReason.PROVIDER_ERROR,
                  true,
                  false,
                  null));
      case TIMEOUT_AFTER_SEND -> inner.place(request).thenCompose(p -> ambiguous());
      case TIMEOUT_BEFORE_SEND -> ambiguous();
    };
  }

  private CompletionStage<PlacedCall> ambiguous() {
    return CompletableFuture.failedFuture(
        new ProviderException(
            name(), "read timed out", 0, null, FailureReason.PROVIDER_ERROR, false, true, null));
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    RuntimeException failure = parseFailure;
    if (failure != null) {
      throw failure;
    }
    var resigner = trustEveryone;
    if (resigner != null) {
      var headers = new java.util.HashMap<>(request.headers());
      headers.put(
          SimulatedCallProvider.SIGNATURE_HEADER,
          List.of(resigner.sign(request.url().toString(), request.body())));
      request = new WebhookRequest(request.method(), request.url(), headers, request.body());
    }
    List<CallStatusUpdate> updates = inner.parseWebhook(request);
    dev.dialkit.campaign.CallId named = bodyCallId;
    return named == null ? updates : updates.stream().map(u -> withCallId(u, named)).toList();
  }

  private static CallStatusUpdate withCallId(CallStatusUpdate u, dev.dialkit.campaign.CallId id) {
    return new CallStatusUpdate(
        id,
        u.providerCallId(),
        u.providerRequestId(),
        u.status(),
        u.rawStatus(),
        u.occurredAt(),
        u.sequence(),
        u.answeredAt(),
        u.endedAt(),
        u.duration(),
        u.billedDuration(),
        u.failureReason(),
        u.hangupCause(),
        u.sipCode(),
        u.answeredBy(),
        u.recordingUrl(),
        u.rawPayload());
  }

  @Override
  public CompletionStage<Void> hangUp(Call call) {
    return inner.hangUp(call);
  }

  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    if (!statusQuery) {
      return CompletableFuture.failedFuture(new UnsupportedOperationException("no status query"));
    }
    return inner.queryStatus(call);
  }
}
