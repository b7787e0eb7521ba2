package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.ImportedLead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RejectedRow;
import java.io.IOException;
import java.io.Writer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.Stream;

/**
 * {@link ImportReport}, filled as an import goes: by the reading thread (rows read, rows turned
 * away on reading) and by the storing thread (ids, duplicates, suppressed rows), hence
 * synchronized.
 */
public final class Report implements ImportReport {
  private final List<String> header;
  private final LeadIdList leads = new LeadIdList();
  private final List<PhoneNumber> duplicates = new ArrayList<>();
  private final long[] counts = new long[RejectedRow.Reason.values().length];
  private final RejectionSpool spool = new RejectionSpool(new SpoolFile(this));
  private long rowsRead;
  private int inserted;
  private boolean closed;

  /** A report for an input whose header is {@code header} (empty for {@code Leads.add}). */
  public Report(List<String> header) {
    this.header = List.copyOf(header);
  }

  List<String> header() {
    return header;
  }

  synchronized void rowRead() {
    rowsRead++;
  }

  /** For {@code Leads.add}: the rows given. */
  public synchronized void rowsRead(long rows) {
    rowsRead = rows;
  }

  /** A lead added from {@code line}. */
  public void added(LeadId id, long line) {
    leads.add(id, line);
    synchronized (this) {
      inserted++;
    }
  }

  /** Do-not-call imports: entries stored. */
  synchronized void addedEntries(int count) {
    inserted += count;
  }

  /** A number not added because it was repeated or the campaign had it. */
  public synchronized void duplicate(PhoneNumber phone) {
    if (duplicates.size() < MAX_LISTED_DUPLICATES) {
      duplicates.add(phone);
    }
  }

  synchronized void reject(RejectedRow row) {
    counts[row.reason().ordinal()]++;
    if (!closed) {
      spool.add(row);
    }
  }

  /** Counts a duplicate found by the store for {@code Leads.add}, with no row to keep. */
  public synchronized void countDuplicateInCampaign() {
    counts[RejectedRow.Reason.DUPLICATE_IN_CAMPAIGN.ordinal()]++;
  }

  @Override
  public synchronized long rowsRead() {
    return rowsRead;
  }

  @Override
  public synchronized int inserted() {
    return inserted;
  }

  @Override
  public List<ImportedLead> imported() {
    return leads.view();
  }

  @Override
  public List<LeadId> leadIds() {
    List<ImportedLead> view = leads.view();
    return new Ids(view);
  }

  @Override
  public synchronized List<PhoneNumber> duplicates() {
    return List.copyOf(duplicates);
  }

  @Override
  public synchronized long count(RejectedRow.Reason reason) {
    return counts[reason.ordinal()];
  }

  @Override
  public synchronized Stream<RejectedRow> rejected() {
    return spool.stream();
  }

  @Override
  public void writeErrorReport(Writer out) throws IOException {
    ErrorReport.write(this, out);
  }

  @Override
  public synchronized void close() {
    closed = true;
    spool.close();
  }

  @Override
  public synchronized String toString() {
    return "ImportReport[rows="
        + rowsRead
        + ", inserted="
        + inserted
        + ", rejected="
        + rejectedCount()
        + "]";
  }

  private static final class Ids extends AbstractList<LeadId> implements RandomAccess {
    private final List<ImportedLead> view;

    Ids(List<ImportedLead> view) {
      this.view = view;
    }

    @Override
    public LeadId get(int index) {
      return view.get(index).lead();
    }

    @Override
    public int size() {
      return view.size();
    }
  }
}
