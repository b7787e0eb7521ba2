package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CsvImportOptions;
import dev.dialkit.campaign.ImportReport;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.PriorityPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** An in-memory store with one draft campaign, and the lead and do-not-call services over it. */
class CsvImportFixture {
  static final TenantId TENANT = TenantId.of("acme");
  static final CampaignId CAMPAIGN = CampaignId.of("cmp-1");
  static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  static final CsvImportOptions IN = CsvImportOptions.builder().defaultRegion("IN").build();

  final CampaignStore store = CampaignStore.inMemory();
  final LeadService leads =
      new LeadService(
          store, Clock.fixed(T0, ZoneOffset.UTC), PriorityPolicy.asGiven(), null, id -> {}, null);
  final SuppressionService suppressions =
      new SuppressionService(store, Clock.fixed(T0, ZoneOffset.UTC));

  CsvImportFixture() {
    store.createCampaign(
        Campaign.draft(
            CAMPAIGN,
            TENANT,
            CampaignSpec.builder()
                .name("Spring renewals")
                .agent(Agent.answerUrl("https://agent.example.com/answer"))
                .callerIds("+14155550100")
                .build(),
            T0));
  }

  ImportReport csv(String text) {
    return csv(text, IN);
  }

  ImportReport csv(String text, CsvImportOptions options) {
    return leads.importCsv(TENANT, CAMPAIGN, new StringReader(text), options);
  }

  ImportReport bytes(byte[] bytes, CsvImportOptions options) {
    return leads.importCsv(TENANT, CAMPAIGN, new ByteArrayInputStream(bytes), options);
  }

  List<Lead> stored() {
    return store.listLeads(TENANT, CAMPAIGN, PageRequest.of(0, 1000)).items();
  }
}
