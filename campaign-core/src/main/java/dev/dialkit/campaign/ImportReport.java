package dev.dialkit.campaign;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an import did: rows read, leads added (with their ids and lines), and every row turned away
 * with its line, column and reason. Returned by {@link Leads#add}, {@link Leads#importCsv} and
 * {@link Suppressions#importCsv}.
 *
 * <p><b>Lifecycle.</b> A CSV import may turn away more rows than fit in memory, so rejected rows
 * past the first {@value #MAX_REJECTED_IN_MEMORY} are spooled to a temporary file. {@link #close()}
 * deletes it; a report that is never closed has its file deleted once it is garbage-collected.
 * Closing is idempotent; the counts and ids stay readable after it, the rejected rows do not. Use
 * try-with-resources.
 *
 * <p>Memory: the ids of added leads are kept compactly (20 bytes a lead: about 20 MB for a million
 * leads); {@link #duplicates()} lists at most {@value #MAX_LISTED_DUPLICATES} numbers.
 */
public interface ImportReport extends AutoCloseable {
  /** {@value}: rejected rows kept in memory before the rest go to a temporary file. */
  int MAX_REJECTED_IN_MEMORY = 1_000;

  /**
   * {@value}: the most numbers {@link #duplicates()} lists; {@link #duplicateCount()} counts all.
   */
  int MAX_LISTED_DUPLICATES = 10_000;

  /** Data rows read, the header not counted (for {@link Leads#add}: the leads given). */
  long rowsRead();

  /** Leads added (for a do-not-call import: entries added or replaced). */
  int inserted();

  /**
   * The leads added, in input order, each with its line (its 1-based position for {@link
   * Leads#add}). A view over compact storage: each element is made when it is read. Empty for a
   * do-not-call import.
   */
  List<ImportedLead> imported();

  /** The ids of the leads added, in input order: the same view as {@link #imported()}. */
  List<LeadId> leadIds();

  /**
   * Numbers not added because the campaign already had them or the input repeated them, in input
   * order; at most the first {@value #MAX_LISTED_DUPLICATES}.
   */
  List<PhoneNumber> duplicates();

  /** Rows turned away for {@code reason}. */
  long count(RejectedRow.Reason reason);

  /** Rows turned away as duplicates, in the input or of a lead the campaign already had. */
  default long duplicateCount() {
    return count(RejectedRow.Reason.DUPLICATE_IN_FILE)
        + count(RejectedRow.Reason.DUPLICATE_IN_CAMPAIGN);
  }

  /** Rows turned away as blank, malformed or holding an invalid value. */
  default long invalidCount() {
    return count(RejectedRow.Reason.BLANK)
        + count(RejectedRow.Reason.MALFORMED)
        + count(RejectedRow.Reason.INVALID);
  }

  /** Rows turned away because the number is on the tenant's do-not-call list. */
  default long suppressedCount() {
    return count(RejectedRow.Reason.SUPPRESSED);
  }

  /** All rows turned away. */
  default long rejectedCount() {
    long total = 0;
    for (RejectedRow.Reason reason : RejectedRow.Reason.values()) {
      total += count(reason);
    }
    return total;
  }

  /**
   * The rows turned away, in the order they were found: line order, except that suppressed rows and
   * rows the campaign already had are found when their batch is stored, a batch later. May read the
   * spool file: close the stream (try-with-resources).
   *
   * @throws IllegalStateException if the report is closed and had spooled rows
   */
  Stream<RejectedRow> rejected();

  /**
   * Writes the rejected rows as CSV: a header {@code line,reason,column,message,first_line} then
   * the file's own header, and one row per rejected row with its fields as read. Every cell that
   * starts with {@code = + - @}, tab or CR is prefixed with a single quote (OWASP CSV injection),
   * so that a spreadsheet opening the report shows text instead of running a formula; this also
   * prefixes numbers written {@code +91...} and negative priorities.
   */
  void writeErrorReport(Writer out) throws IOException;

  /** Deletes the spool file, if any. Idempotent. */
  @Override
  void close();
}
