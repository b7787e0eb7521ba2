package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CsvImportException;
import dev.dialkit.campaign.CsvImportException.Problem;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.CsvImportOptions.Field;
import dev.dialkit.campaign.DialkitException;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PriorityPolicy;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.TimeZones;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Imports a CSV file of leads into a campaign the caller has checked: reads rows one at a time,
 * turns away bad ones and repeats, and stores the rest in batches ({@link Pipeline}), or all at
 * once for all-or-nothing. Memory is a few batches, the duplicate table and the report's ids.
 */
public final class LeadImporter {
  private final CampaignStore store;
  private final Clock clock;
  private final PriorityPolicy priorities;
  private final Consumer<CampaignId> added;

  public LeadImporter(
      CampaignStore store, Clock clock, PriorityPolicy priorities, Consumer<CampaignId> added) {
    this.store = store;
    this.clock = clock;
    this.priorities = priorities;
    this.added = added;
  }

  /** Imports from {@code input}, which the caller closes. */
  public ImportReport run(Campaign campaign, CsvInputSource input, CsvImportOptions options) {
    Report report = null;
    try (CsvInput in = input.open(options)) {
      Row header = in.next();
      if (header == null || header.blank()) {
        throw new CsvFailure(Problem.EMPTY_FILE, 1, "", "no header line");
      }
      Columns columns = Headers.forLeads(header, options);
      in.width(header.count());
      report = new Report(columns.header());
      Run run = new Run(campaign, columns, options, report);
      run.read(in);
      return report;
    } catch (CsvFailure f) {
      throw f.toException(report != null ? report : new Report(List.of()));
    }
  }

  /** One import's state. */
  private final class Run {
    private final Campaign campaign;
    private final CsvImportOptions options;
    private final Report report;
    private final LeadRows rows;
    private final BatchStore batches;
    private final LongIntMap seen;
    private final Instant now = clock.instant();

    Run(Campaign campaign, Columns columns, CsvImportOptions options, Report report) {
      this.campaign = campaign;
      this.options = options;
      this.report = report;
      this.rows = new LeadRows(columns, options);
      this.batches =
          new BatchStore(
              store, campaign.tenant(), campaign.id(), report, added, columns.name(Field.PHONE));
      this.seen = new LongIntMap(options.batchSize());
    }

    void read(CsvInput in) {
      boolean allOrNothing = options.mode() == CsvImportOptions.Mode.ALL_OR_NOTHING;
      List<Batch> held = new ArrayList<>();
      Batch batch = new Batch(options.batchSize());
      try (Pipeline pipeline = new Pipeline(this::storeOne)) {
        Row row;
        while ((row = in.next()) != null) {
          report.rowRead();
          if (report.rowsRead() > options.maxRows()) {
            throw new CsvFailure(
                Problem.TOO_MANY_ROWS, row.line(), "", "more than " + options.maxRows() + " rows");
          }
          accept(row, batch);
          if (batch.full()) {
            if (allOrNothing) {
              held.add(batch);
            } else {
              pipeline.submit(batch);
            }
            batch = new Batch(options.batchSize());
          }
        }
        if (allOrNothing) {
          held.add(batch);
          storeAll(held);
        } else {
          pipeline.finish(batch);
        }
      } catch (DialkitException e) {
        if (e instanceof CsvImportException) {
          throw e;
        }
        throw new CsvFailure(
            Problem.STORE_FAILED, 0, "", "the store failed: " + e.getClass().getSimpleName(), e);
      }
    }

    private void accept(Row row, Batch batch) {
      Object read = rows.read(row);
      if (read instanceof RejectedRow rejected) {
        report.reject(rejected);
        return;
      }
      LeadRows.Candidate c = (LeadRows.Candidate) read;
      int first = seen.putIfAbsent(c.key(), (int) Math.min(c.line(), Integer.MAX_VALUE));
      if (first != 0) {
        report.duplicate(c.lead().phone());
        report.reject(
            new RejectedRow(
                c.line(),
                RejectedRow.Reason.DUPLICATE_IN_FILE,
                rows.phoneColumn(),
                "repeats the number of line " + first,
                first,
                java.util.Arrays.asList(c.fields())));
        return;
      }
      batch.add(queued(c.lead()), c.line(), c.fields());
    }

    /** As {@code LeadService} queues a lead; the zone from the parse just made, not a new one. */
    private Lead queued(NewLead lead) {
      ZoneId zone =
          lead.timeZone() != null
              ? lead.timeZone()
              : TimeZones.forNumber(lead.phone()).orElse(campaign.spec().callingWindow().zone());
      return new Lead(
          LeadIdList.newId(),
          campaign.tenant(),
          campaign.id(),
          lead.phone(),
          lead.name(),
          lead.email(),
          lead.company(),
          lead.variables(),
          zone,
          priorities.priority(lead),
          0,
          0,
          LeadState.QUEUED,
          now,
          null,
          now);
    }

    private void storeOne(Batch batch) {
      batches.dropSuppressed(batch);
      batches.insert(List.of(batch));
    }

    /** All-or-nothing: checks every batch, then one insert, or nothing if a row aborts it. */
    private void storeAll(List<Batch> held) {
      if (!aborted()) {
        for (Batch batch : held) {
          batches.dropSuppressed(batch);
        }
      }
      if (aborted()) {
        throw new CsvFailure(
            Problem.ROWS_REJECTED,
            0,
            "",
            report.rejectedCount()
                + " rows turned away (abortOn "
                + options.abortOn()
                + "): nothing stored");
      }
      batches.insert(held);
    }

    private boolean aborted() {
      for (RejectedRow.Reason reason : options.abortOn()) {
        if (report.count(reason) > 0) {
          return true;
        }
      }
      return false;
    }
  }
}
