package dev.dialkit.testkit;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import dev.dialkit.campaign.spi.TaskScheduler;
import dev.dialkit.testkit.internal.CallBook;
import dev.dialkit.testkit.internal.CallScript;
import dev.dialkit.testkit.internal.ProviderErrors;
import dev.dialkit.testkit.internal.SimulatedWebhookCodec;
import dev.dialkit.testkit.internal.SimulationSettings;
import dev.dialkit.testkit.internal.TokenBucket;
import dev.dialkit.testkit.internal.WebhookDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A telephony provider that exists only in memory and behaves like a real one: it answers after an
 * API latency, rate-limits, refuses invalid numbers, and reports each call's progress through
 * signed, Twilio-like status webhooks delivered to {@link #connect connected} {@link Webhooks} by
 * tasks on the {@link TaskScheduler} — the same pipeline a real provider's webhooks go through,
 * with duplicates, reordering and losses when asked. Build one with {@link #builder()}.
 *
 * <p><b>Deterministic.</b> Everything random comes from {@link SplittableRandom}s derived from the
 * seed. Each accepted call gets its own stream, so the n-th accepted call's script (outcome, times,
 * delivery faults) depends only on the seed and n, not on how other calls interleave.
 *
 * <p><b>Timeline of a call</b> placed at {@code t}: the provider creates it at {@code t +
 * latency/2} ({@code initiated}, so its webhook may arrive before {@code place()} completes at
 * {@code t + latency}); it rings the call setup time later ({@link CallScript#CALL_SETUP} unless
 * the builder sets it); it is answered after the ring time (never later than the request's ring
 * timeout) and talks for a lognormal talk time (never longer than the request's max call duration).
 * Busy and failed calls end the call setup time after creation without ringing; unanswered calls
 * ring for the whole ring timeout. Each event has a per-call {@code SequenceNumber} from 0. Times
 * have millisecond precision.
 *
 * <p><b>Webhooks</b>: {@code POST application/x-www-form-urlencoded} to {@link
 * CallbackUrls#withParameters}(callback base URL, the request's callback parameters), with fields
 * {@code CallSid}, {@code CallStatus}, {@code Timestamp} (ISO-8601 with millis), {@code
 * SequenceNumber}, {@code From}, {@code To}, and where they apply {@code AnsweredBy} ({@code human}
 * or {@code machine_end_beep}; sent on answered calls when the request asked for machine detection
 * or a machine answered), {@code AnswerTime}, {@code EndTime}, {@code CallDuration} (whole seconds,
 * on {@code completed}), {@code ErrorCode} and {@code SipResponseCode} (busy 486, no-answer 480,
 * failed 503, canceled 487). Header {@value #SIGNATURE_HEADER} = Base64(HMAC-SHA256(secret, url +
 * body)). A webhook answered with 5xx (or whose handling throws {@code StoreException}) is
 * delivered again up to {@value WebhookDelivery#MAX_REDELIVERIES} times, 1 s, 2 s and 4 s later; a
 * 4xx is not. Any other exception thrown by {@code Webhooks.handle} propagates out of the delivery
 * task.
 *
 * <p>Thread-safe. The ground truth for tests: {@link #requests()}, {@link #calls()}, {@link
 * #activeCalls()}, {@link #maxActiveCalls()}, {@link #webhookCounts()}.
 */
public final class SimulatedCallProvider implements CallProvider {
  /** The header carrying the webhook signature. */
  public static final String SIGNATURE_HEADER = SimulatedWebhookCodec.SIGNATURE_HEADER;

  /** How long an ambiguous (timed-out) {@code place()} takes to fail. */
  public static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * What {@link #callsPerSecond()} reports when no limit is set: above any real account's, so a
   * realistic simulation is not slowed, but a bound (the dialer's rate limiter keeps to it) for one
   * that means to place thousands of calls a second: set {@code callsPerSecondLimit} there.
   */
  public static final double UNLIMITED_CALLS_PER_SECOND = 1000;

  private static final ProviderCapabilities CAPABILITIES =
      new ProviderCapabilities(true, true, true, false, true, true);

  private final SimulationSettings settings;
  private final Clock clock;
  private final TaskScheduler scheduler;
  private final SimulatedWebhookCodec codec;
  private final WebhookDelivery delivery;
  private final Object lock = new Object();
  private final SplittableRandom placeRandom;
  private final TokenBucket rateLimit;
  private final CallBook book;
  private final List<SimulatedRequest> requests = new java.util.ArrayList<>();
  private volatile Webhooks target;

  SimulatedCallProvider(SimulationSettings settings, Clock clock, TaskScheduler scheduler) {
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
    this.codec = new SimulatedWebhookCodec(settings.signingSecret());
    this.delivery = new WebhookDelivery(settings, scheduler, () -> target);
    SplittableRandom root = new SplittableRandom(settings.seed());
    this.placeRandom = root.split();
    this.book = new CallBook(settings, clock, scheduler, codec, delivery, root.split());
    this.rateLimit =
        settings.callsPerSecondLimit() > 0
            ? new TokenBucket(settings.callsPerSecondLimit(), clock.instant())
            : null;
  }

  /** A builder; {@code clock} and {@code scheduler} are required. */
  public static SimulatedCallProviderBuilder builder() {
    return new SimulatedCallProviderBuilder();
  }

  /**
   * Sets where webhooks go: each is delivered by calling {@code target.handle(request)} from a task
   * on the scheduler. Call it before {@link #place}; it may be changed later.
   */
  public SimulatedCallProvider connect(Webhooks target) {
    this.target = Objects.requireNonNull(target, "target");
    return this;
  }

  @Override
  public String name() {
    return settings.name();
  }

  /** Hang-up, status query, machine detection and progress events; no recording. */
  @Override
  public ProviderCapabilities capabilities() {
    return CAPABILITIES;
  }

  /** The configured limit, or {@link #UNLIMITED_CALLS_PER_SECOND}. */
  @Override
  public double callsPerSecond() {
    double limit = settings.callsPerSecondLimit();
    return limit > 0 ? limit : UNLIMITED_CALLS_PER_SECOND;
  }

  /**
   * Places a call. After the API latency the stage completes with the provider call id ({@code
   * SIM1}, {@code SIM2}, ...) and raw status {@code queued}, or fails with a {@link
   * ProviderException}: retryable 503 (injected unavailability; nothing placed), retryable 429
   * {@code RATE_LIMITED} (over the calls-per-second limit; nothing placed), permanent 400 {@code
   * INVALID_NUMBER} with code {@code 21211}. An injected timeout fails the stage as ambiguous after
   * {@link #CLIENT_TIMEOUT}, but the call was placed and runs its course: the case Dialkit must
   * reconcile.
   *
   * @throws IllegalStateException if {@link #connect} was not called
   */
  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    Objects.requireNonNull(request, "request");
    if (target == null) {
      throw new IllegalStateException(name() + ": connect(Webhooks) before placing calls");
    }
    CompletableFuture<PlacedCall> result = new CompletableFuture<>();
    synchronized (lock) {
      Instant now = now();
      double fault = placeRandom.nextDouble();
      if (fault < settings.unavailableProbability()) {
        received(request, now, "unavailable");
        return after(latency(), result, ProviderErrors.unavailable(name()));
      }
      if (rateLimit != null && !rateLimit.tryAcquire(now)) {
        received(request, now, "rate-limited");
        return after(
            latency(), result, ProviderErrors.rateLimited(name(), settings.callsPerSecondLimit()));
      }
      if (settings.invalidNumbers().test(request.to())) {
        received(request, now, "invalid-number");
        return after(latency(), result, ProviderErrors.invalidNumber(name(), request.to()));
      }
      String sid = book.accept(request, now);
      if (fault < settings.unavailableProbability() + settings.timeoutProbability()) {
        received(request, now, "accepted-timeout");
        return after(CLIENT_TIMEOUT, result, ProviderErrors.timedOut(name(), CLIENT_TIMEOUT));
      }
      received(request, now, "accepted");
      PlacedCall placed = new PlacedCall(sid, null, "queued");
      answer(result, placed);
    }
    return result;
  }

  /**
   * Verifies {@value #SIGNATURE_HEADER} and parses the webhook into one update. {@code completed}
   * answered by a machine maps to {@code VOICEMAIL}; an unknown {@code CallStatus} to {@code
   * UNKNOWN} with the raw value kept; {@code failed} carries {@code CARRIER_ERROR}; {@code
   * CallDuration} becomes the duration, {@code ErrorCode} the hangup cause.
   */
  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    return List.of(codec.parse(request));
  }

  /**
   * Ends the call found by its provider call id (else by Dialkit's call id) at the current instant:
   * {@code canceled} if not answered yet, {@code completed} if answered; its terminal webhook is
   * sent now and its later scripted events never happen. Completes after the API latency, also if
   * the call had already ended; fails with a 404 {@link ProviderException} for a call this provider
   * never accepted.
   */
  @Override
  public CompletionStage<Void> hangUp(Call call) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    if (!book.hangUp(call, now())) {
      return after(latency(), result, ProviderErrors.notFound(name(), call.id().value()));
    }
    answer(result, null);
    return result;
  }

  /**
   * The call's true current status (found as in {@link #hangUp}), after the API latency, also for
   * calls whose webhooks were lost: the update its last event's webhook carried, or {@code queued}
   * before the provider created it. Empty for a call this provider never accepted.
   */
  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    CompletableFuture<Optional<CallStatusUpdate>> result = new CompletableFuture<>();
    Optional<CallStatusUpdate> status = book.query(call, now());
    answer(result, status);
    return result;
  }

  private void received(DialRequest request, Instant now, String outcome) {
    requests.add(
        new SimulatedRequest(
            requests.size(), request.callId(), request.campaignId(), now, outcome));
  }

  /** Every create request received so far, in the order received. */
  public List<SimulatedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(requests);
    }
  }

  /** Every call accepted so far, in the order placed, as it stands now. */
  public List<SimulatedCall> calls() {
    return book.calls();
  }

  /** The call with this provider call id, as it stands now. */
  public Optional<SimulatedCall> call(String providerCallId) {
    return book.call(providerCallId);
  }

  /** Calls accepted and not yet ended. */
  public int activeCalls() {
    return book.active();
  }

  /** The most calls that were active at once. */
  public int maxActiveCalls() {
    return book.maxActive();
  }

  /** What happened to the webhooks so far. */
  public WebhookDeliveryCounts webhookCounts() {
    return delivery.counts();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private Duration latency() {
    return settings.apiLatency();
  }

  // an API request's answer, after the API latency
  private <T> CompletableFuture<T> answer(CompletableFuture<T> result, T value) {
    return settle(result, latency(), () -> result.complete(value));
  }

  // a failed API request, after the delay
  private <T> CompletableFuture<T> after(
      Duration delay, CompletableFuture<T> result, ProviderException error) {
    return settle(result, delay, () -> result.completeExceptionally(error));
  }

  // on the scheduler after the delay, or at once for a provider that answers synchronously (the
  // stage is complete when the request method returns)
  private <T> CompletableFuture<T> settle(
      CompletableFuture<T> result, Duration delay, Runnable completion) {
    if (settings.synchronousAnswers()) {
      completion.run();
    } else {
      scheduler.schedule(completion, delay);
    }
    return result;
  }

  @Override
  public String toString() {
    return "SimulatedCallProvider[" + name() + ", seed " + settings.seed() + "]";
  }
}
