package dev.dialkit.benchmarks;

/**
 * The benchmark's command line: {@code [--leads N] [--limit N] [--seed N]}, each also as {@code
 * --name=N}.
 *
 * @param leads leads in the campaign, 1 to {@value #MAX_LEADS}
 * @param limit calls in progress at once, 1 to {@value #MAX_LIMIT}
 * @param seed the simulated provider's seed, any long
 */
record BenchmarkOptions(int leads, int limit, long seed) {
  static final int DEFAULT_LEADS = 10_000;
  static final int DEFAULT_LIMIT = 50;
  static final long DEFAULT_SEED = 42;
  static final int MAX_LEADS = 200_000;
  static final int MAX_LIMIT = 1_000;

  static final String USAGE =
      "usage: SlidingWindowBenchmark [--leads N] [--limit N] [--seed N]\n"
          + "  --leads N  leads to dial, 1 to "
          + MAX_LEADS
          + " (default "
          + DEFAULT_LEADS
          + ")\n"
          + "  --limit N  calls at once, 1 to "
          + MAX_LIMIT
          + " (default "
          + DEFAULT_LIMIT
          + ")\n"
          + "  --seed N   the simulated provider's seed (default "
          + DEFAULT_SEED
          + ")";

  BenchmarkOptions {
    inRange("--leads", leads, MAX_LEADS);
    inRange("--limit", limit, MAX_LIMIT);
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the option and the bad value
   */
  static BenchmarkOptions parse(String... args) {
    int leads = DEFAULT_LEADS;
    int limit = DEFAULT_LIMIT;
    long seed = DEFAULT_SEED;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = null;
      }
      switch (name) {
        case "--leads" -> leads = inRange(name, number(name, value), MAX_LEADS);
        case "--limit" -> limit = inRange(name, number(name, value), MAX_LIMIT);
        case "--seed" -> seed = number(name, value);
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new BenchmarkOptions(leads, limit, seed);
  }

  private static long number(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " needs a number");
    }
    try {
      return Long.parseLong(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
    }
  }

  private static int inRange(String option, long value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          option + " must be between 1 and " + max + ", was " + value);
    }
    return (int) value;
  }
}
