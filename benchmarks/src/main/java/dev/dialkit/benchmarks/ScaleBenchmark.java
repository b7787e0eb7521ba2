package dev.dialkit.benchmarks;

import java.util.Locale;

/**
 * The scale runs of issue 16: a campaign of a million leads dialed with the heap capped ({@link
 * ScaleMillion}), and ten thousand calls in progress at once with no thread per call ({@link
 * ScaleHeld}). Nothing runs without {@code -Dscale.run}; see {@link ScaleOptions#USAGE}. Run it in
 * a JVM of its own with the heap capped:
 *
 * <pre>
 * ./mvnw -q -B -o -pl benchmarks compile exec:exec -Dexec.executable=java \
 *   -Dexec.args="-Xmx256m -Dscale.run=all -cp %classpath dev.dialkit.benchmarks.ScaleBenchmark"
 * </pre>
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    ScaleOptions options;
    try {
      options = ScaleOptions.fromSystemProperties();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(ScaleOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.err.println(ScaleOptions.USAGE);
      System.exit(2);
      return;
    }
    String pg = ScaleDatabase.testUrl();
    System.out.printf(
        Locale.ROOT,
        "scale: %s; Java %s, %d cores, heap max %,d MiB; load %s%n",
        options,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / ScaleGauges.MIB,
        ScaleGauges.load());
    if (options.runs("million")) {
      if (pg == null) {
        System.err.println("million: needs " + ScaleDatabase.ENV + "; not run");
      } else {
        new ScaleMillion(options, pg).run();
      }
    }
    if (options.runs("held")) {
      for (String where : options.heldStores()) {
        if (where.equals("postgresql") && pg == null) {
          System.err.println("held on postgresql: needs " + ScaleDatabase.ENV + "; not run");
          continue;
        }
        new ScaleHeld(options, pg).run(where);
      }
    }
    // the dialer's and the pools' daemon threads end with the JVM
    System.exit(0);
  }
}
