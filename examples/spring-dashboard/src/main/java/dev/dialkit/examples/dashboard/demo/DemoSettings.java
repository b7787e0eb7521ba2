package dev.dialkit.examples.dashboard.demo;

import org.springframework.core.env.Environment;

/**
 * The demo's settings, read from the environment. They are read one by one rather than bound under
 * {@code dialkit.demo}: that name is the demo's on/off switch ({@code dialkit.demo=true}), and
 * Spring cannot bind an object where a plain value sits.
 *
 * @param leads leads of the sample campaign, 0 to 100,000 ({@code dialkit.demo.leads}, default
 *     {@value #DEFAULT_LEADS}; 0 for no sample campaign)
 * @param speed how many times faster than real calls the demo provider runs, 1 to 10,000 ({@code
 *     dialkit.demo.speed}, default {@value #DEFAULT_SPEED})
 * @param callsPerSecond the demo provider's rate limit ({@code dialkit.demo.calls-per-second},
 *     default {@value #DEFAULT_CALLS_PER_SECOND})
 */
public record DemoSettings(int leads, double speed, double callsPerSecond) {
  public static final int DEFAULT_LEADS = 300;
  public static final double DEFAULT_SPEED = 20;
  public static final double DEFAULT_CALLS_PER_SECOND = 25;

  public DemoSettings {
    if (leads < 0 || leads > 100_000) {
      throw new IllegalArgumentException(
          "dialkit.demo.leads must be between 0 and 100000, was " + leads);
    }
    if (!(speed >= 1 && speed <= 10_000)) {
      throw new IllegalArgumentException(
          "dialkit.demo.speed must be between 1 and 10000, was " + speed);
    }
    if (!(callsPerSecond > 0 && callsPerSecond <= 1000)) {
      throw new IllegalArgumentException(
          "dialkit.demo.calls-per-second must be more than 0 and at most 1000, was "
              + callsPerSecond);
    }
  }

  static DemoSettings from(Environment env) {
    return new DemoSettings(
        env.getProperty("dialkit.demo.leads", Integer.class, DEFAULT_LEADS),
        env.getProperty("dialkit.demo.speed", Double.class, DEFAULT_SPEED),
        env.getProperty("dialkit.demo.calls-per-second", Double.class, DEFAULT_CALLS_PER_SECOND));
  }
}
