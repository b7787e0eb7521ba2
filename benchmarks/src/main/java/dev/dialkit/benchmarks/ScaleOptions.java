package dev.dialkit.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The scale runs' settings, from system properties ({@code -Dscale.run=million} and so on), so that
 * nothing runs unless asked: CI never starts these programs, and a bare start prints the usage.
 *
 * @param run {@code million}, {@code held} or {@code all}
 * @param leads leads of the million run's campaign
 * @param concurrency the million run's global and tenant limit
 * @param batch leads per {@code leads().add} call
 * @param dialLimit the million run stops (pauses its campaign) once this many calls ended
 * @param dialSeconds the million run stops after this many seconds of dialing; 0: no time box
 * @param held calls the held run keeps in progress at once (its limit and its leads)
 * @param heldStores where the held run runs: {@code postgresql}, {@code memory} or both
 * @param webhookThreads threads that deliver webhooks, as a web server's pool would
 */
record ScaleOptions(
    String run,
    int leads,
    int concurrency,
    int batch,
    int dialLimit,
    int dialSeconds,
    int held,
    List<String> heldStores,
    int webhookThreads) {

  static final String USAGE =
      "usage: -Dscale.run=million|held|all [-Dscale.leads=1000000] [-Dscale.concurrency=500]\n"
          + "  [-Dscale.batch=10000] [-Dscale.dialLimit=<leads>] [-Dscale.dialSeconds=0]\n"
          + "  [-Dscale.held=10000] [-Dscale.heldStores=postgresql,memory]"
          + " [-Dscale.webhookThreads=8]\n"
          + "PostgreSQL from DIALKIT_TEST_POSTGRES_URL (the database dialkit_bench_scale is dropped"
          + " and created)";

  ScaleOptions {
    if (!List.of("million", "held", "all").contains(run)) {
      throw new IllegalArgumentException("scale.run must be million, held or all, was " + run);
    }
    positive("scale.leads", leads);
    positive("scale.concurrency", concurrency);
    positive("scale.batch", batch);
    positive("scale.dialLimit", dialLimit);
    if (dialSeconds < 0) {
      throw new IllegalArgumentException("scale.dialSeconds must be >= 0, was " + dialSeconds);
    }
    positive("scale.held", held);
    positive("scale.webhookThreads", webhookThreads);
    heldStores = List.copyOf(heldStores);
    for (String store : heldStores) {
      if (!store.equals("postgresql") && !store.equals("memory")) {
        throw new IllegalArgumentException(
            "scale.heldStores takes postgresql and memory, was " + store);
      }
    }
  }

  /** The options the system properties give, or null if {@code scale.run} is not set. */
  static ScaleOptions fromSystemProperties() {
    String run = System.getProperty("scale.run");
    if (run == null) {
      return null;
    }
    int leads = number("scale.leads", 1_000_000);
    return new ScaleOptions(
        run.strip().toLowerCase(Locale.ROOT),
        leads,
        number("scale.concurrency", 500),
        number("scale.batch", 10_000),
        number("scale.dialLimit", leads),
        number("scale.dialSeconds", 0),
        number("scale.held", 10_000),
        List.of(System.getProperty("scale.heldStores", "postgresql,memory").split(",")),
        number("scale.webhookThreads", 8));
  }

  boolean runs(String part) {
    return run.equals("all") || run.equals(part);
  }

  private static int number(String name, int otherwise) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, was " + value);
    }
  }
}
