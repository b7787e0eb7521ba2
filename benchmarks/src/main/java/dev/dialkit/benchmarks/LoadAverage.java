package dev.dialkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 1, 5 and 15 minute load averages of {@code /proc/loadavg}: printed beside every figure,
 * because the machine these benchmarks run on is shared and a figure means little without it.
 */
final class LoadAverage {
  private static final Path FILE = Path.of("/proc/loadavg");

  private LoadAverage() {}

  /** The three averages, e.g. {@code "0.52 0.31 0.20"}, or {@code "n/a"} off Linux. */
  static String now() {
    try {
      String[] fields = Files.readString(FILE).trim().split("\\s+");
      return fields.length < 3 ? "n/a" : fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | UnsupportedOperationException e) {
      return "n/a";
    }
  }
}
