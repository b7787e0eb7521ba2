package dev.dialkit.testkit.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.TaskScheduler;
import dev.dialkit.testkit.SimulatedCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The calls a simulated provider accepted, and their timelines: each call's next scripted event is
 * a task on the scheduler; when it runs, the event happens (the call's true state changes) and its
 * webhook goes to {@link WebhookDelivery}. A hang-up or a status query first lets every event due
 * by then happen, so the answer is right even between two scheduler runs. Thread-safe: one lock.
 */
public final class CallBook {
  private final SimulationSettings settings;
  private final Clock clock;
  private final TaskScheduler scheduler;
  private final SimulatedWebhookCodec codec;
  private final WebhookDelivery delivery;
  private final SplittableRandom callSeeds;
  private final Map<String, LiveCall> bySid = new LinkedHashMap<>();
  private final Map<CallId, LiveCall> byCallId = new HashMap<>();
  private long accepted;
  private int active;
  private int maxActive;

  public CallBook(
      SimulationSettings settings,
      Clock clock,
      TaskScheduler scheduler,
      SimulatedWebhookCodec codec,
      WebhookDelivery delivery,
      SplittableRandom callSeeds) {
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
    this.codec = codec;
    this.delivery = delivery;
    this.callSeeds = callSeeds;
  }

  /** Accepts a call placed at {@code now}, plans it and starts its timeline; returns its id. */
  public synchronized String accept(DialRequest request, Instant now) {
    String sid = "SIM" + (++accepted);
    SplittableRandom random = new SplittableRandom(callSeeds.nextLong());
    CallScript script = CallScript.plan(settings, request, sid, random, now);
    LiveCall live =
        new LiveCall(
            request,
            script,
            CallbackUrls.withParameters(settings.callbackBaseUrl(), request.callbackParameters()),
            random.split());
    bySid.put(sid, live);
    byCallId.put(request.callId(), live);
    maxActive = Math.max(maxActive, ++active);
    scheduleNext(live);
    return sid;
  }

  /**
   * Ends the call at {@code now}: canceled if not answered, completed if answered.
   *
   * @return false if no such call was accepted
   */
  public synchronized boolean hangUp(Call call, Instant now) {
    LiveCall live = find(call);
    if (live == null) {
      return false;
    }
    catchUp(live, now);
    if (!live.ended()) {
      cancelPending(live);
      occur(live, live.script.hangUpEvent(live.next, now, live.answeredAt(), live.request), true);
    }
    return true;
  }

  /** The update the call's last event carried ({@code queued} before it happened), if known. */
  public synchronized Optional<CallStatusUpdate> query(Call call, Instant now) {
    LiveCall live = find(call);
    if (live == null) {
      return Optional.empty();
    }
    catchUp(live, now);
    CallEvent last = live.last() != null ? live.last() : queued(live.snapshot());
    return Optional.of(SimulatedWebhookCodec.toUpdate(last));
  }

  public synchronized List<SimulatedCall> calls() {
    return bySid.values().stream().map(LiveCall::snapshot).toList();
  }

  public synchronized Optional<SimulatedCall> call(String providerCallId) {
    return Optional.ofNullable(bySid.get(providerCallId)).map(LiveCall::snapshot);
  }

  public synchronized int active() {
    return active;
  }

  public synchronized int maxActive() {
    return maxActive;
  }

  private void scheduleNext(LiveCall live) {
    live.pending = null;
    if (live.ended() || live.next >= live.script.events().size()) {
      return;
    }
    int index = live.next;
    Duration delay = Duration.between(clock.instant(), live.script.events().get(index).at());
    live.pending =
        scheduler.schedule(
            () -> occurThrough(live, index), delay.isNegative() ? Duration.ZERO : delay);
  }

  private synchronized void occurThrough(LiveCall live, int index) {
    if (live.ended() || live.next > index) {
      return; // a hang-up or a status query got there first
    }
    while (!live.ended() && live.next <= index) {
      occur(live, live.script.events().get(live.next++), false);
    }
    scheduleNext(live);
  }

  private void catchUp(LiveCall live, Instant now) {
    if (!live.nextDueBy(now)) {
      return;
    }
    while (live.nextDueBy(now)) {
      occur(live, live.script.events().get(live.next++), false);
    }
    cancelPending(live);
    scheduleNext(live);
  }

  private void occur(LiveCall live, CallEvent event, boolean byHangUp) {
    live.apply(event, byHangUp);
    if (event.isTerminal()) {
      active--;
    }
    delivery.submit(
        codec.request(live.callbackUrl, event),
        event.isTerminal(),
        live.deliveryRandom,
        live.reorderSlot);
  }

  private static void cancelPending(LiveCall live) {
    if (live.pending != null) {
      live.pending.cancel();
      live.pending = null;
    }
  }

  private LiveCall find(Call call) {
    LiveCall live = call.providerCallId() == null ? null : bySid.get(call.providerCallId());
    return live != null ? live : byCallId.get(call.id());
  }

  private static CallEvent queued(SimulatedCall c) {
    return new CallEvent(
        c.providerCallId(),
        "queued",
        c.placedAt(),
        null,
        c.from().e164(),
        c.to().e164(),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
