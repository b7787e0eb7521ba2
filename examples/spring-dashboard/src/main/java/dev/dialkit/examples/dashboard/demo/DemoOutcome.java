package dev.dialkit.examples.dashboard.demo;

import java.util.random.RandomGenerator;

/**
 * How a demo call ends, drawn when it is placed, with the odds a real outbound campaign sees
 * roughly: most people answer, a quarter do not.
 */
enum DemoOutcome {
  HUMAN(0.55),
  MACHINE(0.10),
  BUSY(0.08),
  NO_ANSWER(0.22),
  FAILED(0.05);

  private final double odds;

  DemoOutcome(double odds) {
    this.odds = odds;
  }

  static DemoOutcome draw(RandomGenerator random) {
    double x = random.nextDouble();
    for (DemoOutcome outcome : values()) {
      x -= outcome.odds;
      if (x < 0) {
        return outcome;
      }
    }
    return HUMAN;
  }
}
