package dev.dialkit.examples.crash;

import dev.dialkit.examples.crash.KillSwitch.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The kills of one run, drawn from its seed: for each child, the moment it is killed (a kind of
 * event at the fake Twilio and how many of them this child sees first) and its instance id, which
 * is kept across a restart half of the time (the restarted instance takes its lease back at once,
 * with a new epoch) and new otherwise (the lease must expire first).
 *
 * @param kills one per child killed, in order
 * @param lastInstance the instance id of the child that runs to the end
 */
record KillPlan(List<Kill> kills, String lastInstance) {
  /** The least number of kills of a run. */
  static final int MIN_KILLS = 5;

  /**
   * One kill.
   *
   * @param point the kind of event that triggers it
   * @param nth the number of such events the child sees; the last one triggers it
   * @param instance the killed child's instance id
   */
  record Kill(Point point, int nth, String instance) {
    @Override
    public String toString() {
      return point + " #" + nth + " (" + instance + ")";
    }
  }

  static KillPlan draw(Random random) {
    int count = MIN_KILLS + random.nextInt(2);
    List<Kill> kills = new ArrayList<>();
    String instance = "dialer-0";
    for (int i = 0; i < count; i++) {
      Point point = Point.values()[random.nextInt(Point.values().length)];
      // small counts: every kill comes early in its child's life, so the campaign cannot finish
      // before the last one
      int nth =
          switch (point) {
            case CREATE_RECEIVED, CREATE_ANSWERED -> 1 + random.nextInt(3);
            case CALLBACK_IN_FLIGHT -> 1 + random.nextInt(8);
            case CALLBACK_DELIVERED -> 1 + random.nextInt(12);
          };
      kills.add(new Kill(point, nth, instance));
      if (random.nextBoolean()) {
        instance = "dialer-" + (i + 1);
      }
    }
    return new KillPlan(List.copyOf(kills), instance);
  }
}
