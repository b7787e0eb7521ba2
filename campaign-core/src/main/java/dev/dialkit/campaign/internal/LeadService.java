package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignNotFoundException;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.IllegalCampaignStateException;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.InvalidLeadException;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadNotFoundException;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.Leads;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.PriorityPolicy;
import dev.dialkit.campaign.QueuePosition;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.TimeZones;
import dev.dialkit.campaign.internal.csv.CsvInputSource;
import dev.dialkit.campaign.internal.csv.LeadImporter;
import dev.dialkit.campaign.internal.csv.Report;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.LeadInsertResult;
import java.io.InputStream;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link Leads}: adds leads to campaigns in one store operation per call. */
final class LeadService implements Leads {
  private final CampaignStore store;
  private final Clock clock;
  private final PriorityPolicy priorities;
  private final DialDecisions decisions;
  private final Consumer<CampaignId> added;
  private final QueueForecast forecast;
  private final Callbacks callbacks;

  LeadService(
      CampaignStore store,
      Clock clock,
      PriorityPolicy priorities,
      DialDecisions decisions,
      Consumer<CampaignId> added,
      QueueForecast forecast,
      Callbacks callbacks) {
    this.forecast = forecast;
    this.store = store;
    this.clock = clock;
    this.priorities = priorities;
    this.decisions = decisions;
    this.added = added;
    this.callbacks = callbacks;
  }

  /** A service whose callbacks wake {@code added} too, without queue positions. */
  LeadService(
      CampaignStore store,
      Clock clock,
      PriorityPolicy priorities,
      DialDecisions decisions,
      Consumer<CampaignId> added) {
    this(store, clock, priorities, decisions, added, null);
  }

  /** A service whose callbacks wake {@code added} too. */
  LeadService(
      CampaignStore store,
      Clock clock,
      PriorityPolicy priorities,
      DialDecisions decisions,
      Consumer<CampaignId> added,
      QueueForecast forecast) {
    this(store, clock, priorities, decisions, added, forecast, new Callbacks(store, clock, added));
  }

  @Override
  public Lead callback(TenantId tenant, LeadId lead, java.time.LocalDateTime localTime) {
    return callbacks.at(tenant, lead, localTime);
  }

  @Override
  public Lead callback(TenantId tenant, LeadId lead, java.time.ZonedDateTime time) {
    return callbacks.at(tenant, lead, time);
  }

  @Override
  public ImportReport add(TenantId tenant, CampaignId campaignId, List<NewLead> leads) {
    if (tenant == null) {
      throw new InvalidConfigurationException("tenant", null, "is required");
    }
    if (campaignId == null) {
      throw new InvalidConfigurationException("campaign", null, "is required");
    }
    checkRows(leads);
    Campaign campaign = openCampaign(tenant, campaignId);
    Instant now = clock.instant();
    List<Lead> queued = new ArrayList<>(leads.size());
    for (NewLead lead : leads) {
      queued.add(queue(tenant, campaignId, lead, zoneOf(lead, campaign), now));
    }
    // every lead is resolved before the store sees any: a rejected batch stores nothing
    LeadInsertResult result = store.insertLeads(tenant, campaignId, queued);
    added.accept(campaignId);
    return report(queued, result);
  }

  /** The report of an add: the stored leads with their rows, the duplicates counted. */
  private static ImportReport report(List<Lead> queued, LeadInsertResult result) {
    Report report = new Report(List.of());
    report.rowsRead(queued.size());
    // the store returns the stored leads in input order: walk both lists to find each one's row
    int row = 0;
    for (Lead stored : result.inserted()) {
      while (!queued.get(row).id().equals(stored.id())) {
        row++;
      }
      report.added(stored.id(), ++row);
    }
    for (PhoneNumber duplicate : result.duplicates()) {
      report.duplicate(duplicate);
      report.countDuplicateInCampaign();
    }
    return report;
  }

  @Override
  public ImportReport importCsv(
      TenantId tenant, CampaignId campaign, InputStream csv, CsvImportOptions options) {
    return importCsv(tenant, campaign, CsvInputSource.of(required("csv", csv)), options);
  }

  @Override
  public ImportReport importCsv(
      TenantId tenant, CampaignId campaign, Reader csv, CsvImportOptions options) {
    return importCsv(tenant, campaign, CsvInputSource.of(required("csv", csv)), options);
  }

  private ImportReport importCsv(
      TenantId tenant, CampaignId campaignId, CsvInputSource csv, CsvImportOptions options) {
    required("tenant", tenant);
    required("campaign", campaignId);
    required("options", options);
    Campaign campaign = openCampaign(tenant, campaignId);
    return new LeadImporter(store, clock, priorities, added).run(campaign, csv, options);
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(field, null, "is required");
    }
    return value;
  }

  /** The campaign, if it exists and may take leads. */
  private Campaign openCampaign(TenantId tenant, CampaignId campaignId) {
    Campaign campaign =
        store
            .findCampaign(tenant, campaignId)
            .orElseThrow(() -> new CampaignNotFoundException(tenant, campaignId));
    if (campaign.status().isFinal()) {
      throw new IllegalCampaignStateException(
          campaignId,
          "add leads to",
          campaign.status(),
          EnumSet.complementOf(
              EnumSet.of(
                  CampaignStatus.COMPLETED, CampaignStatus.CANCELED, CampaignStatus.FAILED)));
    }
    return campaign;
  }

  /**
   * Refuses the whole batch, before anything is read or stored, if the list or any of its leads is
   * null. A {@link NewLead} checks its own fields when it is made, so a non-null one is valid.
   */
  private static void checkRows(List<NewLead> leads) {
    if (leads == null) {
      throw new InvalidLeadException(0, "leads", "must not be null");
    }
    int row = 0;
    for (NewLead lead : leads) {
      row++;
      if (lead == null) {
        throw new InvalidLeadException(row, "lead", "must not be null");
      }
    }
  }

  /**
   * The lead as queued, with the priority the policy gives it. Built directly rather than through
   * {@link NewLead#withPriority}: a policy's bonus may take a priority past {@link
   * NewLead#MAX_PRIORITY}, which bounds what a host passes in, not what the policy makes of it.
   */
  private Lead queue(
      TenantId tenant, CampaignId campaignId, NewLead lead, ZoneId zone, Instant now) {
    return new Lead(
        LeadId.random(),
        tenant,
        campaignId,
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

  /** The lead's own zone, else its number's, else the campaign window's. */
  private static ZoneId zoneOf(NewLead lead, Campaign campaign) {
    if (lead.timeZone() != null) {
      return lead.timeZone();
    }
    return TimeZones.forNumber(lead.phone()).orElse(campaign.spec().callingWindow().zone());
  }

  @Override
  public Optional<Lead> get(TenantId tenant, LeadId lead) {
    return store.findLead(tenant, lead);
  }

  @Override
  public DialDecision decision(TenantId tenant, LeadId leadId) {
    Lead lead =
        store.findLead(tenant, leadId).orElseThrow(() -> new LeadNotFoundException(tenant, leadId));
    Campaign campaign =
        store
            .findCampaign(tenant, lead.campaignId())
            .orElseThrow(() -> new CampaignNotFoundException(tenant, lead.campaignId()));
    return decisions.explain(lead, campaign, clock.instant());
  }

  @Override
  public Optional<QueuePosition> position(TenantId tenant, LeadId lead) {
    required("tenant", tenant);
    required("lead", lead);
    return forecast.position(tenant, lead);
  }

  @Override
  public Page<Lead> list(TenantId tenant, CampaignId campaign, PageRequest page) {
    return store.listLeads(tenant, campaign, page);
  }
}
