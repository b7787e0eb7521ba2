package dev.dialkit.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns separated by {@code |}, text left-aligned, figures right-aligned. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException(
          "a row needs " + header.size() + " cells, got " + cells.length);
    }
    rows.add(List.of(cells));
    return this;
  }

  String render() {
    int[] widths = new int[header.size()];
    for (List<String> line : all()) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths, false);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    out.append(String.join("-+-", rule)).append('\n');
    for (List<String> row : rows) {
      line(out, row, widths, true);
    }
    return out.toString();
  }

  private List<List<String>> all() {
    List<List<String>> all = new ArrayList<>(rows);
    all.add(header);
    return all;
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, boolean align) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      // the first column names the row; the others hold figures
      padded.add(pad(cells.get(i), widths[i], align && i > 0));
    }
    out.append(String.join(" | ", padded).stripTrailing()).append('\n');
  }

  private static String pad(String cell, int width, boolean alignRight) {
    String fill = " ".repeat(width - cell.length());
    return alignRight ? fill + cell : cell + fill;
  }
}
