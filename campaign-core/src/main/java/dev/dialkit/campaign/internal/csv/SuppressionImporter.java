package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.CsvImportException.Problem;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.CsvImportOptions.Field;
import dev.dialkit.campaign.DialkitException;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.Untrusted;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports a CSV file of do-not-call entries (columns phone, reason, source), best-effort, in
 * batches of one atomic {@link CampaignStore#addSuppressions} each. Numbers are read as for leads,
 * of any type: a landline may be on the list too.
 */
public final class SuppressionImporter {
  private final CampaignStore store;
  private final Clock clock;

  public SuppressionImporter(CampaignStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public ImportReport run(TenantId tenant, CsvInputSource input, CsvImportOptions options) {
    Report report = null;
    try (CsvInput in = input.open(options)) {
      Row header = in.next();
      if (header == null || header.blank()) {
        throw new CsvFailure(Problem.EMPTY_FILE, 1, "", "no header line");
      }
      Columns columns = Headers.forSuppressions(header, options);
      in.width(header.count());
      report = new Report(columns.header());
      read(tenant, in, columns, options, report);
      return report;
    } catch (CsvFailure f) {
      throw f.toException(report != null ? report : new Report(List.of()));
    }
  }

  private void read(
      TenantId tenant, CsvInput in, Columns columns, CsvImportOptions options, Report report) {
    Numbers numbers = new Numbers(options.defaultRegion(), null);
    LongIntMap seen = new LongIntMap(options.batchSize());
    List<Suppression> batch = new ArrayList<>(options.batchSize());
    Instant now = clock.instant();
    Row row;
    while ((row = in.next()) != null) {
      report.rowRead();
      if (report.rowsRead() > options.maxRows()) {
        throw new CsvFailure(
            Problem.TOO_MANY_ROWS, row.line(), "", "more than " + options.maxRows() + " rows");
      }
      RejectedRow shape = LeadRows.shape(row, columns);
      if (shape != null) {
        report.reject(shape);
        continue;
      }
      Suppression entry;
      try {
        entry = entry(tenant, row, columns, numbers, options, now);
      } catch (IllegalArgumentException | DialkitException e) {
        report.reject(LeadRows.invalid(row, column(e, columns), e.getMessage()));
        continue;
      }
      int first = seen.putIfAbsent(Numbers.key(entry.phone()), (int) row.line());
      if (first != 0) {
        report.reject(
            new RejectedRow(
                row.line(),
                RejectedRow.Reason.DUPLICATE_IN_FILE,
                columns.name(Field.PHONE),
                "repeats the number of line " + first,
                first,
                row.asList()));
        continue;
      }
      batch.add(entry);
      if (batch.size() == options.batchSize()) {
        flush(batch, report);
      }
    }
    flush(batch, report);
  }

  private void flush(List<Suppression> batch, Report report) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      store.addSuppressions(batch);
    } catch (DialkitException e) {
      throw new CsvFailure(
          Problem.STORE_FAILED, 0, "", "the store failed: " + e.getClass().getSimpleName(), e);
    }
    report.addedEntries(batch.size());
    batch.clear();
  }

  private static Suppression entry(
      TenantId tenant,
      Row row,
      Columns columns,
      Numbers numbers,
      CsvImportOptions options,
      Instant now) {
    PhoneNumber phone = numbers.parse(row.field(columns.index(Field.PHONE)));
    int reasonColumn = columns.index(Field.REASON);
    String reason = reasonColumn < 0 ? null : row.field(reasonColumn);
    SuppressionSource source = options.suppressionSource();
    int sourceColumn = columns.index(Field.SOURCE);
    if (sourceColumn >= 0 && !row.field(sourceColumn).isBlank()) {
      String text = row.field(sourceColumn).strip().toUpperCase(Locale.ROOT).replace(' ', '_');
      try {
        source = SuppressionSource.valueOf(text);
      } catch (IllegalArgumentException e) {
        throw new SourceProblem(
            "source must be one of OPT_OUT, COMPLAINT, NATIONAL_REGISTRY, MANUAL, was "
                + Untrusted.quote(row.field(sourceColumn)));
      }
    }
    return new Suppression(tenant, phone, source, reason, null, now);
  }

  /** The column a failure of {@link #entry} is about. */
  private static String column(RuntimeException e, Columns columns) {
    if (e instanceof SourceProblem) {
      return columns.name(Field.SOURCE);
    }
    return e instanceof DialkitException ? columns.name(Field.REASON) : columns.name(Field.PHONE);
  }

  private static final class SourceProblem extends IllegalArgumentException {
    SourceProblem(String message) {
      super(message);
    }
  }
}
