package dev.dialkit.campaign.internal.csv;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.LeadInsertResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Stores batches of leads: one do-not-call lookup per batch, then one insert for one or several
 * batches, and records in the report what became of each row.
 */
final class BatchStore {
  private final CampaignStore store;
  private final TenantId tenant;
  private final CampaignId campaign;
  private final Report report;
  private final Consumer<CampaignId> added;
  private final String phoneColumn;

  BatchStore(
      CampaignStore store,
      TenantId tenant,
      CampaignId campaign,
      Report report,
      Consumer<CampaignId> added,
      String phoneColumn) {
    this.phoneColumn = phoneColumn;
    this.store = store;
    this.tenant = tenant;
    this.campaign = campaign;
    this.report = report;
    this.added = added;
  }

  /**
   * Looks up the batch's numbers and reports and drops the suppressed ones; how many it dropped.
   */
  int dropSuppressed(Batch batch) {
    List<PhoneNumber> phones = new ArrayList<>(batch.size());
    for (Lead lead : batch.leads) {
      phones.add(lead.phone());
    }
    Map<PhoneNumber, Suppression> listed = store.findSuppressions(tenant, phones);
    if (listed.isEmpty()) {
      return 0;
    }
    int kept = 0;
    for (int i = 0; i < batch.size(); i++) {
      Lead lead = batch.leads.get(i);
      if (listed.containsKey(lead.phone())) {
        report.reject(row(batch, i, RejectedRow.Reason.SUPPRESSED, "on the do-not-call list"));
      } else {
        batch.lines[kept] = batch.lines[i];
        batch.leads.set(kept, lead);
        batch.fields.set(kept, batch.fields.get(i));
        kept++;
      }
    }
    int dropped = batch.size() - kept;
    batch.leads.subList(kept, batch.size()).clear();
    batch.fields.subList(kept, batch.fields.size()).clear();
    return dropped;
  }

  /** Inserts the leads of {@code batches} in one store call and reports each. */
  void insert(List<Batch> batches) {
    List<Lead> leads = new ArrayList<>();
    for (Batch batch : batches) {
      leads.addAll(batch.leads);
    }
    if (leads.isEmpty()) {
      return;
    }
    LeadInsertResult result = store.insertLeads(tenant, campaign, leads);
    // the importer dropped repeats within the file: every duplicate is one the campaign had
    Set<PhoneNumber> had = new HashSet<>(result.duplicates());
    for (Batch batch : batches) {
      for (int i = 0; i < batch.size(); i++) {
        Lead lead = batch.leads.get(i);
        if (had.contains(lead.phone())) {
          report.duplicate(lead.phone());
          report.reject(
              row(batch, i, RejectedRow.Reason.DUPLICATE_IN_CAMPAIGN, "already in the campaign"));
        } else {
          report.added(lead.id(), batch.lines[i]);
        }
      }
    }
    if (!result.inserted().isEmpty()) {
      added.accept(campaign);
    }
  }

  private RejectedRow row(Batch batch, int i, RejectedRow.Reason reason, String message) {
    return new RejectedRow(
        batch.lines[i], reason, phoneColumn, message, 0, Arrays.asList(batch.fields.get(i)));
  }
}
