package dev.dialkit.benchmarks;

import dev.dialkit.benchmarks.QueryPlansRecorder.Step;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints what the recorder saw: per path, every round trip in order with each statement's plan at
 * its first execution; then the findings (big sequential scans, statements slower than {@value
 * #SLOW_MILLIS} ms); and, for the README, the same in Markdown with the plans' top lines.
 */
final class QueryPlansReport {
  /** A statement whose fastest run takes longer than this is reported as slow. */
  static final double SLOW_MILLIS = 1.0;

  private final List<Step> steps;

  QueryPlansReport(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  private Map<String, List<Step>> byPath() {
    Map<String, List<Step>> paths = new LinkedHashMap<>();
    for (Step s : steps) {
      paths.computeIfAbsent(s.path(), p -> new ArrayList<>()).add(s);
    }
    return paths;
  }

  void print(PrintStream out) {
    for (Map.Entry<String, List<Step>> path : byPath().entrySet()) {
      out.printf("%n== %s: %s%n", path.getKey(), roundTrips(path.getValue()));
      int n = 0;
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Step s : path.getValue()) {
        n++;
        boolean again = !seen.add(s.sql()) && !s.sql().equals("COMMIT");
        if (s.plan() == null) {
          out.printf("  %2d. %s%s%n", n, shortSql(s.sql()), again ? " (again)" : "");
          continue;
        }
        out.printf(
            "  %2d. %s%n      parameters: %s%s%n",
            n,
            oneLine(s.sql()),
            parameters(s),
            s.batchRows() > 1 ? " (first of a batch of " + s.batchRows() + ")" : "");
        QueryPlansPlan p = s.plan();
        if (p.lines().isEmpty()) {
          out.printf("      EXPLAIN failed: %s%n", p.error());
          continue;
        }
        p.lines().forEach(l -> out.printf("      | %s%n", l));
        out.printf("      execution %s ms (load %s)%s%n", times(p), p.load(), flags(p));
        if (p.genericDiffers()) {
          out.printf("      generic plan, other nodes:%n");
          p.generic().forEach(l -> out.printf("      | %s%n", l));
        } else if (!p.generic().isEmpty()) {
          out.printf("      generic plan: the same nodes, %.3f ms%n", genericMillis(p));
        }
        if (p.error() != null) {
          out.printf("      %s%n", p.error());
        }
      }
    }
    out.printf("%nFindings:%n");
    List<String> findings = findings();
    if (findings.isEmpty()) {
      out.printf(
          "  no sequential scan of a table over %,d rows, no statement over %.1f ms%n",
          QueryPlansPostgres.BIG_TABLE, SLOW_MILLIS);
    }
    findings.forEach(f -> out.printf("  %s%n", f));
  }

  /** One line per flagged statement: path, SQL shortened, time, flags. */
  List<String> findings() {
    List<String> out = new ArrayList<>();
    for (Step s : steps) {
      QueryPlansPlan p = s.plan();
      if (p != null && !flags(p).isEmpty()) {
        out.add(s.path() + ": " + shortSql(s.sql()) + ": " + times(p) + " ms" + flags(p));
      }
    }
    return out;
  }

  /** The Markdown for the README: per path, one block per distinct statement. */
  String markdown() {
    StringBuilder md = new StringBuilder();
    Map<String, List<String>> shown = new java.util.HashMap<>();
    for (Map.Entry<String, List<Step>> path : byPath().entrySet()) {
      md.append("\n**").append(path.getKey()).append("**: ");
      md.append(roundTrips(path.getValue())).append("\n\n```\n");
      for (Step s : path.getValue()) {
        QueryPlansPlan p = s.plan();
        if (p == null) {
          continue;
        }
        md.append(shortSql(s.sql())).append('\n');
        if (p.lines().isEmpty()) {
          md.append("  EXPLAIN failed: ").append(p.error()).append('\n');
          continue;
        }
        List<String> shape = QueryPlansPlan.shape(p.lines());
        if (shape.equals(shown.put(s.sql(), shape)) && flags(p).isEmpty()) {
          md.append("  (plan as above) = ").append(times(p)).append(" ms\n");
          continue;
        }
        QueryPlansPlan.top(p.lines(), 8).forEach(l -> md.append("  ").append(l).append('\n'));
        md.append("  = ").append(times(p)).append(" ms").append(flags(p)).append('\n');
        if (p.genericDiffers()) {
          md.append("  generic plan:\n");
          QueryPlansPlan.top(p.generic(), 8).forEach(l -> md.append("  ").append(l).append('\n'));
          md.append(String.format(Locale.ROOT, "  = %.3f ms%n", genericMillis(p)));
        }
      }
      md.append("```\n");
    }
    return md.toString();
  }

  private static String roundTrips(List<Step> path) {
    long commits = path.stream().filter(s -> s.sql().equals("COMMIT")).count();
    long rollbacks = path.stream().filter(s -> s.sql().equals("ROLLBACK")).count();
    long statements = path.size() - commits - rollbacks;
    return count(statements, "statement")
        + ", "
        + count(commits, "commit")
        + (rollbacks > 0 ? ", " + count(rollbacks, "rollback") : "");
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static String times(QueryPlansPlan p) {
    return p.executionMillis().stream()
        .map(t -> String.format(Locale.ROOT, "%.3f", t))
        .collect(Collectors.joining(" / "));
  }

  private static String flags(QueryPlansPlan p) {
    StringBuilder f = new StringBuilder();
    p.bigSeqScans().stream().distinct().forEach(t -> f.append("  SEQ SCAN ").append(t));
    if (p.bestMillis() > SLOW_MILLIS) {
      f.append("  SLOW");
    }
    p.genericBigSeqScans().stream()
        .distinct()
        .filter(t -> !p.bigSeqScans().contains(t))
        .forEach(t -> f.append("  GENERIC PLAN SEQ SCAN ").append(t));
    if (p.bestMillis() <= SLOW_MILLIS && genericMillis(p) > SLOW_MILLIS) {
      f.append(String.format(Locale.ROOT, "  GENERIC PLAN SLOW (%.3f ms)", genericMillis(p)));
    }
    return f.toString();
  }

  private static double genericMillis(QueryPlansPlan p) {
    return QueryPlansPlan.executionMillis(p.generic());
  }

  private static String parameters(Step s) {
    return s.bindings().stream().map(QueryPlansBinding::shown).collect(Collectors.joining(", "));
  }

  static String oneLine(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }

  /** The SQL on one line, a long column list counted instead of listed, at most 150 characters. */
  static String shortSql(String sql) {
    String s = oneLine(sql);
    s = columns(s, "^(SELECT )([\\w., ]+?)( FROM .*)$");
    s = columns(s, "^(INSERT INTO \\w+ \\()([\\w, ]+?)(\\) .*)$");
    return s.length() <= 150 ? s : s.substring(0, 149) + "…";
  }

  private static String columns(String sql, String regex) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(sql);
    if (!m.matches() || m.group(2).length() < 50) {
      return sql;
    }
    int n = m.group(2).split(",").length;
    return m.group(1) + "<" + n + " columns>" + m.group(3);
  }
}
