package dev.dialkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan of one statement and what it cost.
 *
 * @param lines the plan text of the last run with the statement's values (a custom plan); empty if
 *     the EXPLAIN failed
 * @param executionMillis the execution time of each run, as the database reported it
 * @param bigSeqScans tables of more than {@link QueryPlansPostgres#BIG_TABLE} rows read by a
 *     sequential scan, with their row counts
 * @param generic the generic plan's text ({@link QueryPlansGeneric}), empty if none was taken
 * @param genericBigSeqScans as {@code bigSeqScans}, in the generic plan
 * @param error why the statement (or its generic plan) could not be explained, or null
 * @param load {@code /proc/loadavg}'s three load averages when it was explained
 */
record QueryPlansPlan(
    List<String> lines,
    List<Double> executionMillis,
    List<String> bigSeqScans,
    List<String> generic,
    List<String> genericBigSeqScans,
    String error,
    String load) {
  private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

  QueryPlansPlan {
    lines = List.copyOf(lines);
    executionMillis = List.copyOf(executionMillis);
    bigSeqScans = List.copyOf(bigSeqScans);
    generic = List.copyOf(generic);
    genericBigSeqScans = List.copyOf(genericBigSeqScans);
  }

  static QueryPlansPlan failed(String error) {
    return new QueryPlansPlan(
        List.of(), List.of(), List.of(), List.of(), List.of(), error, loadNow());
  }

  /** The 1, 5 and 15 minute load averages, or "?" where there is no {@code /proc/loadavg}. */
  static String loadNow() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** The "Execution Time" of an EXPLAIN ANALYZE's text, or NaN. */
  static double executionMillis(List<String> lines) {
    for (String line : lines) {
      Matcher m = EXECUTION.matcher(line);
      if (m.find()) {
        return Double.parseDouble(m.group(1));
      }
    }
    return Double.NaN;
  }

  /** The fastest run, or NaN if none finished. */
  double bestMillis() {
    return executionMillis.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  /** Whether the generic plan has other nodes than the custom one (values and costs aside). */
  boolean genericDiffers() {
    return !generic.isEmpty() && !shape(generic).equals(shape(lines));
  }

  static List<String> shape(List<String> plan) {
    return plan.stream()
        .filter(l -> l.contains("->") || !l.startsWith(" "))
        .filter(l -> !l.startsWith("Planning") && !l.startsWith("Execution"))
        .map(l -> l.replaceAll("\\(.*", "").strip())
        .toList();
  }

  /**
   * What a summary shows of {@code plan}: its top node, the nodes that read a table or an index,
   * and how many rows each filter threw away, at most {@code n} lines, costs dropped.
   */
  static List<String> top(List<String> plan, int n) {
    return plan.stream()
        .filter(l -> !l.startsWith(" ") || l.contains(" Scan ") || l.contains("Rows Removed"))
        .filter(l -> !l.startsWith("Planning") && !l.startsWith("Execution"))
        .limit(n)
        .map(l -> l.replaceAll(" ?\\(cost=[^)]*\\)", "").stripTrailing())
        .toList();
  }
}
