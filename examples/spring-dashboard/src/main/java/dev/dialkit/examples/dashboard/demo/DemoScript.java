package dev.dialkit.examples.dashboard.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plans a demo call's callbacks in simulated time: the provider creates the call at once, it rings
 * a second or two later, a person or a machine answers after a few seconds of ringing and talks for
 * about three quarters of a minute; busy and failed calls end without ringing, unanswered ones ring
 * for the whole ring timeout.
 */
final class DemoScript {
  private static final Duration SETUP = Duration.ofMillis(1500);

  private DemoScript() {}

  static List<DemoEvent> plan(DemoOutcome outcome, Duration ringTimeout, RandomGenerator random) {
    List<DemoEvent> events = new ArrayList<>();
    events.add(new DemoEvent(Duration.ZERO, "initiated", null, null, null));
    switch (outcome) {
      case BUSY -> events.add(new DemoEvent(SETUP, "busy", null, null, "486"));
      case FAILED -> events.add(new DemoEvent(SETUP, "failed", null, null, "503"));
      case NO_ANSWER -> {
        events.add(new DemoEvent(SETUP, "ringing", null, null, null));
        events.add(new DemoEvent(SETUP.plus(ringTimeout), "no-answer", null, null, "480"));
      }
      case HUMAN, MACHINE -> {
        String by = outcome == DemoOutcome.HUMAN ? "human" : "machine_end_beep";
        Duration ring = Duration.ofMillis(2000 + random.nextLong(8000));
        if (ring.compareTo(ringTimeout) > 0) {
          ring = ringTimeout;
        }
        long talk =
            outcome == DemoOutcome.HUMAN ? 15 + random.nextLong(75) : 5 + random.nextLong(20);
        Duration answered = SETUP.plus(ring);
        events.add(new DemoEvent(SETUP, "ringing", null, null, null));
        events.add(new DemoEvent(answered, "in-progress", by, null, null));
        events.add(new DemoEvent(answered.plusSeconds(talk), "completed", by, talk, null));
      }
    }
    return events;
  }
}
