package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.Suppressions;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.internal.csv.CsvInputSource;
import dev.dialkit.campaign.internal.csv.SuppressionImporter;
import dev.dialkit.campaign.spi.CampaignStore;
import java.io.InputStream;
import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Suppressions} over the store. */
final class SuppressionService implements Suppressions {
  private static final Logger log = LoggerFactory.getLogger(SuppressionService.class);

  private final CampaignStore store;
  private final Clock clock;

  SuppressionService(CampaignStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Suppression add(TenantId tenant, String phone, SuppressionSource source, String reason) {
    required("tenant", tenant);
    required("source", source);
    PhoneNumber number;
    try {
      number = PhoneNumber.of(required("phone", phone));
    } catch (IllegalArgumentException e) {
      // the message shows the number masked
      throw new InvalidConfigurationException("phone", "(masked)", e.getMessage());
    }
    return store(new Suppression(tenant, number, source, reason, null, clock.instant()));
  }

  @Override
  public Suppression optOut(TenantId tenant, CallId callId, String reason) {
    required("tenant", tenant);
    required("call", callId);
    Call call =
        store
            .findCall(tenant, callId)
            .orElseThrow(() -> new IllegalArgumentException("no call " + callId + " of " + tenant));
    return store(
        new Suppression(
            tenant, call.to(), SuppressionSource.OPT_OUT, reason, call.id(), clock.instant()));
  }

  private Suppression store(Suppression entry) {
    store.addSuppressions(List.of(entry));
    log.info(
        "tenant {}: {} put on the do-not-call list ({})",
        entry.tenant(),
        entry.phone().masked(),
        entry.source());
    return entry;
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(field, null, "is required");
    }
    return value;
  }

  @Override
  public ImportReport importCsv(TenantId tenant, InputStream csv, CsvImportOptions options) {
    return importCsv(tenant, CsvInputSource.of(required("csv", csv)), options);
  }

  @Override
  public ImportReport importCsv(TenantId tenant, Reader csv, CsvImportOptions options) {
    return importCsv(tenant, CsvInputSource.of(required("csv", csv)), options);
  }

  private ImportReport importCsv(TenantId tenant, CsvInputSource csv, CsvImportOptions options) {
    required("tenant", tenant);
    required("options", options);
    ImportReport report = new SuppressionImporter(store, clock).run(tenant, csv, options);
    log.info(
        "tenant {}: {} numbers put on the do-not-call list from CSV, {} rows turned away",
        tenant,
        report.inserted(),
        report.rejectedCount());
    return report;
  }

  @Override
  public boolean remove(TenantId tenant, PhoneNumber phone) {
    required("tenant", tenant);
    required("phone", phone);
    boolean removed = store.removeSuppression(tenant, phone);
    if (removed) {
      log.info("tenant {}: {} taken off the do-not-call list", tenant, phone.masked());
    }
    return removed;
  }

  @Override
  public Optional<Suppression> find(TenantId tenant, PhoneNumber phone) {
    required("tenant", tenant);
    required("phone", phone);
    return store.findSuppression(tenant, phone);
  }

  @Override
  public Page<Suppression> list(TenantId tenant, PageRequest page) {
    required("tenant", tenant);
    required("page", page);
    if (page.afterSequence() != 0) {
      throw new InvalidConfigurationException(
          "page", page, "must be an offset page (PageRequest.of): the list has no cursor");
    }
    return store.listSuppressions(tenant, page);
  }
}
