package dev.dialkit.examples;

/**
 * The quickstart's command line: {@code [--leads N] [--concurrency N]}, each also as {@code
 * --name=N}.
 *
 * @param leads leads in the campaign, 1 to {@value #MAX_LEADS}
 * @param concurrency calls at once, 1 to {@value #MAX_CONCURRENCY}
 */
public record QuickstartOptions(int leads, int concurrency) {
  public static final int DEFAULT_LEADS = 1_000;
  public static final int DEFAULT_CONCURRENCY = 20;
  public static final int MAX_LEADS = 100_000;
  public static final int MAX_CONCURRENCY = 1_000;

  public static final String USAGE =
      "usage: QuickstartMain [--leads N] [--concurrency N]\n"
          + "  --leads N        leads to dial, 1 to "
          + MAX_LEADS
          + " (default "
          + DEFAULT_LEADS
          + ")\n"
          + "  --concurrency N  calls at once, 1 to "
          + MAX_CONCURRENCY
          + " (default "
          + DEFAULT_CONCURRENCY
          + ")";

  public QuickstartOptions {
    checkRange("--leads", leads, MAX_LEADS);
    checkRange("--concurrency", concurrency, MAX_CONCURRENCY);
  }

  public static QuickstartOptions defaults() {
    return new QuickstartOptions(DEFAULT_LEADS, DEFAULT_CONCURRENCY);
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the option and the bad value
   */
  public static QuickstartOptions parse(String... args) {
    int leads = DEFAULT_LEADS;
    int concurrency = DEFAULT_CONCURRENCY;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = null;
      }
      switch (name) {
        case "--leads" -> leads = number(name, value);
        case "--concurrency" -> concurrency = number(name, value);
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new QuickstartOptions(leads, concurrency);
  }

  private static int number(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " needs a number");
    }
    try {
      return Integer.parseInt(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
    }
  }

  private static void checkRange(String option, int value, int max) {
    if (value < 1 || value > max) {
      throw new IllegalArgumentException(
          option + " must be between 1 and " + max + ", was " + value);
    }
  }
}
