package dev.dialkit.testkit.internal;

import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.testkit.SimulatedOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What will happen to one call if nobody interferes: its outcome, its times and the status events
 * it produces, planned from the call's own random stream when it is placed.
 *
 * <p>Timeline: the provider creates the call halfway through the API latency ({@code initiated});
 * it rings the settings' call setup time ({@link #CALL_SETUP} unless set) later; a person or a
 * machine answers after the ring time (at most the request's ring timeout) and talks for the talk
 * time (at most the request's max duration). A busy or failed call ends {@link #CALL_SETUP} after
 * it was created, without ringing; an unanswered one rings for the whole ring timeout.
 */
public record CallScript(
    SimulatedOutcome outcome,
    Instant placedAt,
    Instant createdAt,
    Instant ringingAt,
    Instant answeredAt,
    Instant endedAt,
    List<CallEvent> events) {

  /** From the call being created to it ringing, or to a busy or failed end, unless set. */
  public static final Duration CALL_SETUP = Duration.ofSeconds(1);

  public CallScript {
    events = List.copyOf(events);
  }

  /** Plans a call; always draws the same number of values from {@code random}. */
  public static CallScript plan(
      SimulationSettings s, DialRequest request, String sid, SplittableRandom random, Instant now) {
    double pick = random.nextDouble();
    long ringMs = uniform(random, s.ringTimeMin().toMillis(), s.ringTimeMax().toMillis());
    double gaussian = random.nextGaussian();
    SimulatedOutcome outcome = outcome(s, pick);

    Instant created = now.plusMillis(s.apiLatency().toMillis() / 2);
    Instant setUp = created.plus(s.callSetup());
    long ringTimeoutMs = Math.max(0, request.ringTimeout().toMillis());
    Events e = new Events(sid, request);
    e.add("initiated", created);
    switch (outcome) {
      case BUSY -> e.end("busy", setUp, "31486", "486");
      case FAILED -> e.end("failed", setUp, "31503", "503");
      case NO_ANSWER -> {
        e.add("ringing", setUp);
        e.end("no-answer", setUp.plusMillis(ringTimeoutMs), "31480", "480");
      }
      default -> {
        e.add("ringing", setUp);
        Instant answered = setUp.plusMillis(Math.min(ringMs, ringTimeoutMs));
        long maxTalkMs = Math.max(0, request.maxCallDuration().toMillis());
        long talkMs = Math.min(talkMillis(s, gaussian), maxTalkMs);
        String answeredBy = answeredBy(outcome, request.machineDetection());
        e.answered(answered, answeredBy);
        e.completed(answered, answered.plusMillis(talkMs), answeredBy);
      }
    }
    return e.script(outcome, now);
  }

  /** The event that ends this call because of a hang-up at {@code at}. */
  public CallEvent hangUpEvent(long sequence, Instant at, Instant answeredAt, DialRequest r) {
    Events e = new Events(events.get(0).callSid(), r);
    e.nextSequence = sequence;
    if (answeredAt == null) {
      e.end("canceled", at, null, "487");
    } else {
      e.completed(answeredAt, at, answeredBy(outcome, r.machineDetection()));
    }
    return e.events.get(0);
  }

  private static SimulatedOutcome outcome(SimulationSettings s, double pick) {
    double edge = s.machineProbability();
    if (pick < edge) {
      return SimulatedOutcome.MACHINE;
    }
    if (pick < (edge += s.busyProbability())) {
      return SimulatedOutcome.BUSY;
    }
    if (pick < (edge += s.noAnswerProbability())) {
      return SimulatedOutcome.NO_ANSWER;
    }
    if (pick < edge + s.failedProbability()) {
      return SimulatedOutcome.FAILED;
    }
    return SimulatedOutcome.HUMAN;
  }

  private static String answeredBy(SimulatedOutcome outcome, boolean machineDetection) {
    if (outcome == SimulatedOutcome.MACHINE) {
      return "machine_end_beep";
    }
    return machineDetection ? "human" : null;
  }

  /** Lognormal with the configured mean: mu = ln(mean) - sigma^2 / 2. */
  private static long talkMillis(SimulationSettings s, double gaussian) {
    double sigma = s.talkTimeSigma();
    double meanSeconds = s.talkTimeMean().toMillis() / 1000.0;
    double mu = Math.log(meanSeconds) - sigma * sigma / 2;
    double seconds = Math.exp(mu + sigma * gaussian);
    return seconds >= Long.MAX_VALUE / 1000.0 ? Long.MAX_VALUE : Math.round(seconds * 1000);
  }

  static long uniform(SplittableRandom random, long min, long max) {
    // one draw whatever the bounds, so that a call's stream stays aligned across settings
    double u = random.nextDouble();
    return min + Math.min(max - min, (long) (u * (max - min + 1.0)));
  }

  /** Builds the event list with consecutive sequence numbers. */
  private static final class Events {
    final String sid;
    final DialRequest request;
    final List<CallEvent> events = new ArrayList<>();
    long nextSequence;

    Events(String sid, DialRequest request) {
      this.sid = sid;
      this.request = request;
    }

    void add(String status, Instant at) {
      events.add(event(status, at, null, null, null, null, null, null));
    }

    void answered(Instant at, String answeredBy) {
      events.add(event("in-progress", at, answeredBy, at, null, null, null, null));
    }

    void completed(Instant answered, Instant ended, String answeredBy) {
      long seconds = (Duration.between(answered, ended).toMillis() + 500) / 1000;
      events.add(event("completed", ended, answeredBy, answered, ended, seconds, null, null));
    }

    void end(String status, Instant at, String errorCode, String sipCode) {
      events.add(event(status, at, null, null, at, null, errorCode, sipCode));
    }

    private CallEvent event(
        String status,
        Instant at,
        String answeredBy,
        Instant answerTime,
        Instant endTime,
        Long seconds,
        String errorCode,
        String sipCode) {
      return new CallEvent(
          sid,
          status,
          at,
          nextSequence++,
          request.from().e164(),
          request.to().e164(),
          answeredBy,
          answerTime,
          endTime,
          seconds,
          errorCode,
          sipCode);
    }

    CallScript script(SimulatedOutcome outcome, Instant placedAt) {
      Instant ringing = at("ringing");
      Instant answered = at("in-progress");
      Instant ended = events.get(events.size() - 1).at();
      return new CallScript(
          outcome, placedAt, events.get(0).at(), ringing, answered, ended, events);
    }

    private Instant at(String status) {
      return events.stream()
          .filter(e -> e.rawStatus().equals(status))
          .map(CallEvent::at)
          .findFirst()
          .orElse(null);
    }
  }
}
