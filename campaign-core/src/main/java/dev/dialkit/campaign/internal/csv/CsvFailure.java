package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.CsvImportException;

/**
 * A file-level failure found while reading, before the importer wraps it with its report into a
 * {@link CsvImportException}.
 */
final class CsvFailure extends RuntimeException {
  final CsvImportException.Problem problem;
  final long line;
  final String column;

  CsvFailure(CsvImportException.Problem problem, long line, String column, String detail) {
    this(problem, line, column, detail, null);
  }

  CsvFailure(
      CsvImportException.Problem problem,
      long line,
      String column,
      String detail,
      Throwable cause) {
    super(detail, cause, false, false);
    this.problem = problem;
    this.line = line;
    this.column = column;
  }

  CsvImportException toException(Report report) {
    return new CsvImportException(problem, line, column, getMessage(), report, getCause());
  }
}
