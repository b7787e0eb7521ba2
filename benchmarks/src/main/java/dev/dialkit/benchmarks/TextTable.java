package dev.dialkit.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns separated by {@code |}, text left-aligned, figures right-aligned. */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private int textColumnsFrom = Integer.MAX_VALUE;

  TextTable(String... header) {
    this.header = List.of(header);
  }

  /** Left-aligns the columns from {@code column} on too: trailing columns of text, not figures. */
  TextTable textFrom(int column) {
    this.textColumnsFrom = column;
    return this;
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
    line(out, header, widths, 0);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    out.append(String.join("-+-", rule)).append('\n');
    for (List<String> row : rows) {
      line(out, row, widths, textColumnsFrom);
    }
    return out.toString();
  }

  private List<List<String>> all() {
    List<List<String>> all = new ArrayList<>(rows);
    all.add(header);
    return all;
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, int textFrom) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      // the first column names the row; the others hold figures, up to textFrom
      padded.add(pad(cells.get(i), widths[i], i > 0 && i < textFrom));
    }
    out.append(String.join(" | ", padded).stripTrailing()).append('\n');
  }

  private static String pad(String cell, int width, boolean alignRight) {
    String fill = " ".repeat(width - cell.length());
    return alignRight ? fill + cell : cell + fill;
  }
}
