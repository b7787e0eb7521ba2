package dev.dialkit.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * {@link StoreThroughputBenchmark}'s command line: {@code [--leads N] [--tasks N] [--databases
 * h2,postgresql,mariadb,memory]}, each also as {@code --name=value} ({@code memory}: the dialer
 * alone, on the in-memory store).
 *
 * @param leads leads of each end-to-end campaign, 100 to {@value #MAX_LEADS}
 * @param tasks db-scheduler's one-time tasks, 100 to {@value #MAX_TASKS}
 * @param databases the kinds to measure (lower case), or empty for every configured one
 */
record ThroughputOptions(int leads, int tasks, List<String> databases) {
  static final int DEFAULT_LEADS = 5_000;
  static final int DEFAULT_TASKS = 20_000;
  static final int MAX_LEADS = 200_000;
  static final int MAX_TASKS = 1_000_000;
  static final List<String> KINDS = List.of("h2", "postgresql", "mariadb", "memory");

  static final String USAGE =
      "usage: StoreThroughputBenchmark [--leads N] [--tasks N]"
          + " [--databases h2,postgresql,mariadb,memory]";

  ThroughputOptions {
    inRange("--leads", leads, MAX_LEADS);
    inRange("--tasks", tasks, MAX_TASKS);
    databases = List.copyOf(databases);
    for (String kind : databases) {
      if (!KINDS.contains(kind)) {
        throw new IllegalArgumentException("--databases: unknown database '" + kind + "'");
      }
    }
  }

  /** Whether to measure the dialer alone, on the in-memory store. */
  boolean inMemory() {
    return databases.isEmpty() || databases.contains("memory");
  }

  static ThroughputOptions parse(String... args) {
    int leads = DEFAULT_LEADS;
    int tasks = DEFAULT_TASKS;
    List<String> databases = List.of();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq >= 0 ? arg.substring(eq + 1) : (i + 1 < args.length ? args[++i] : null);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      switch (name) {
        case "--leads" -> leads = number(name, value);
        case "--tasks" -> tasks = number(name, value);
        case "--databases" ->
            databases = Arrays.stream(value.split(",")).map(String::strip).toList();
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new ThroughputOptions(leads, tasks, databases);
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value.strip().replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
    }
  }

  private static void inRange(String option, int value, int max) {
    if (value < 100 || value > max) {
      throw new IllegalArgumentException(
          option + " must be between 100 and " + max + ", was " + value);
    }
  }
}
