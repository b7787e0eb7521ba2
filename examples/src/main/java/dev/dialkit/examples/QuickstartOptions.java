package dev.dialkit.examples;

/**
 * The quickstart's command line: {@code [--leads N] [--concurrency N] [--store S] [--twilio]}, each
 * also as {@code --name=value}.
 *
 * @param leads leads in the campaign, 1 to {@value #MAX_LEADS}
 * @param concurrency calls at once, 1 to {@value #MAX_CONCURRENCY}
 * @param store {@code memory}, a JDBC URL or a MongoDB connection string; default an H2 file
 * @param twilio dial for real through Twilio, configured from the environment
 */
public record QuickstartOptions(int leads, int concurrency, String store, boolean twilio) {
  public static final int DEFAULT_LEADS = 1_000;
  public static final int DEFAULT_CONCURRENCY = 20;
  public static final int MAX_LEADS = 100_000;
  public static final int MAX_CONCURRENCY = 1_000;

  public static final String USAGE =
      "usage: QuickstartMain [--leads N] [--concurrency N] [--store S] [--twilio]\n"
          + "  --leads N        leads to dial, 1 to "
          + MAX_LEADS
          + " (default "
          + DEFAULT_LEADS
          + ")\n"
          + "  --concurrency N  calls at once, 1 to "
          + MAX_CONCURRENCY
          + " (default "
          + DEFAULT_CONCURRENCY
          + ")\n"
          + "  --store S        memory, a JDBC URL (jdbc:h2:, jdbc:postgresql:, jdbc:mariadb:) or a\n"
          + "                   MongoDB connection string (default "
          + DemoStore.DEFAULT
          + ")\n"
          + "  --twilio         real calls through Twilio; see TwilioLive for the variables";

  public QuickstartOptions {
    checkRange("--leads", leads, MAX_LEADS);
    checkRange("--concurrency", concurrency, MAX_CONCURRENCY);
    if (store == null || store.isBlank()) {
      throw new IllegalArgumentException("--store needs a value");
    }
  }

  /** A simulated run of this size on the in-memory store. */
  public QuickstartOptions(int leads, int concurrency) {
    this(leads, concurrency, "memory", false);
  }

  public static QuickstartOptions defaults() {
    return new QuickstartOptions(DEFAULT_LEADS, DEFAULT_CONCURRENCY, DemoStore.DEFAULT, false);
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the option and the bad value
   */
  public static QuickstartOptions parse(String... args) {
    int leads = DEFAULT_LEADS;
    int concurrency = DEFAULT_CONCURRENCY;
    String store = DemoStore.DEFAULT;
    boolean twilio = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (!name.equals("--twilio") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        value = null;
      }
      switch (name) {
        case "--leads" -> leads = number(name, value);
        case "--concurrency" -> concurrency = number(name, value);
        case "--store" -> store = value;
        case "--twilio" -> twilio = true;
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
      }
    }
    return new QuickstartOptions(leads, concurrency, store, twilio);
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
