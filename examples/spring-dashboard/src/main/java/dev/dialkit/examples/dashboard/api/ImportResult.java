package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.RejectedRow;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an upload did, as the API answers it: counts, and the first {@value #MAX_ROWS_SHOWN}
 * rejected rows with their line, column and reason. A row's raw fields are left out: they hold the
 * full phone number, and Dialkit's message already says what is wrong with the value (masked).
 */
public record ImportResult(
    long rowsRead,
    int inserted,
    long duplicates,
    long invalid,
    long suppressed,
    long rejected,
    List<Row> rejectedRows) {

  static final int MAX_ROWS_SHOWN = 100;

  /** One rejected row: its line (for JSON, its 1-based position), reason and column. */
  public record Row(
      long line, RejectedRow.Reason reason, String column, String message, long firstLine) {}

  /** The result of {@code report}, which it closes. */
  static ImportResult of(ImportReport report) {
    try (report;
        Stream<RejectedRow> rows = report.rejected()) {
      return new ImportResult(
          report.rowsRead(),
          report.inserted(),
          report.duplicateCount(),
          report.invalidCount(),
          report.suppressedCount(),
          report.rejectedCount(),
          rows.limit(MAX_ROWS_SHOWN)
              .map(r -> new Row(r.line(), r.reason(), r.column(), r.message(), r.firstLine()))
              .toList());
    }
  }
}
