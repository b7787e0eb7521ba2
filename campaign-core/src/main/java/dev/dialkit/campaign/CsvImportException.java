package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.util.Objects;

/**
 * A CSV import stopped: the file as a whole could not be read, or (all-or-nothing) a row was turned
 * away, or the store failed. {@link #report()} says what was read and stored before it stopped:
 * nothing was stored for {@link Problem#ROWS_REJECTED}, {@link Problem#TOO_MANY_ROWS} in
 * all-or-nothing mode and every problem found at the header; in best-effort mode, the batches
 * before the failing line may have been stored ({@link ImportReport#imported()} lists them). Close
 * the report when done with it.
 */
public class CsvImportException extends DialkitException {
  /** What stopped the import. */
  public enum Problem {
    /** No header line: the file is empty (or only a BOM). */
    EMPTY_FILE,
    /** The header has no phone column, repeats a column, or names one that cannot be a variable. */
    BAD_HEADER,
    /** The bytes are not valid in the import's charset. */
    BAD_ENCODING,
    /** A field or line is longer than the import's limit. */
    TOO_LONG,
    /** More rows than the import's limit. */
    TOO_MANY_ROWS,
    /** All-or-nothing: a row was turned away for a reason that aborts the import. */
    ROWS_REJECTED,
    /** The input could not be read, or is not CSV the parser can follow (an unclosed quote). */
    READ_FAILED,
    /** The store failed; its {@link StoreException} is the cause. */
    STORE_FAILED
  }

  private final Problem problem;
  private final long line;
  private final String column;
  private final transient ImportReport report;

  /**
   * @param line the 1-based line, or 0 if none applies
   * @param column the column's header (escaped here), or {@code ""}
   * @param detail what is wrong, Dialkit's words (escaped here as a safety net)
   */
  public CsvImportException(
      Problem problem,
      long line,
      String column,
      String detail,
      ImportReport report,
      Throwable cause) {
    super(message(problem, line, column, detail), cause);
    this.problem = Objects.requireNonNull(problem, "problem");
    this.line = line;
    this.column = Untrusted.escape(String.valueOf(column), Untrusted.MAX_ECHO);
    this.report = Objects.requireNonNull(report, "report");
  }

  private static String message(Problem problem, long line, String column, String detail) {
    String where = line > 0 ? "CSV line " + line : "CSV";
    String col = column == null || column.isEmpty() ? "" : ", column " + Untrusted.quote(column);
    return where + col + ": " + problem + ": " + Untrusted.escape(String.valueOf(detail), 400);
  }

  public Problem problem() {
    return problem;
  }

  /** The 1-based line where the import stopped, or 0. */
  public long line() {
    return line;
  }

  /** The column's header, escaped, or {@code ""}. */
  public String column() {
    return column;
  }

  /** What was read, stored and turned away before the import stopped; close it when done. */
  public ImportReport report() {
    return report;
  }
}
