package dev.dialkit.examples.crash;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The campaign as the database holds it after the run: the campaign, its leads, and every call of
 * every lead (a lead's calls are {@code <lead>.1}, {@code <lead>.2}, ... with no gap, since a call
 * id is never reused).
 */
record StoredCampaign(Campaign campaign, List<Lead> leads, Map<String, Call> calls) {
  static StoredCampaign load(CrashDatabase db, TenantId tenant, CampaignId id) {
    JdbcConnectionPool pool = CrashDatabase.pool(db.url);
    try {
      CampaignStore store = CrashDatabase.store(pool, db.tablePrefix);
      Campaign campaign = store.findCampaign(tenant, id).orElseThrow();
      List<Lead> leads = new ArrayList<>();
      for (int page = 0; ; page++) {
        List<Lead> items = store.listLeads(tenant, id, PageRequest.of(page, 100)).items();
        if (items.isEmpty()) {
          break;
        }
        leads.addAll(items);
      }
      Map<String, Call> calls = new TreeMap<>();
      for (Lead lead : leads) {
        for (int attempt = 1; ; attempt++) {
          var call = store.findCall(tenant, CallId.forAttempt(lead.id(), attempt));
          if (call.isEmpty()) {
            break;
          }
          calls.put(call.get().id().value(), call.get());
        }
      }
      return new StoredCampaign(campaign, List.copyOf(leads), calls);
    } finally {
      CrashDatabase.close(pool, db.postgres);
    }
  }

  CampaignProgress progress() {
    return CampaignProgress.of(campaign, Instant.now());
  }

  /** Leads neither done nor failed. */
  List<Lead> unfinishedLeads() {
    return leads.stream()
        .filter(l -> l.state() != LeadState.DONE && l.state() != LeadState.FAILED)
        .toList();
  }

  /** Why the failed leads failed: calls made and the last call's status and reason, counted. */
  Map<String, Long> failedLeads() {
    return leads.stream()
        .filter(l -> l.state() == LeadState.FAILED)
        .map(this::lastCall)
        .collect(
            Collectors.groupingBy(
                c ->
                    c == null
                        ? "no call"
                        : c.attempt() + " calls, last " + c.status() + "/" + c.failureReason(),
                TreeMap::new,
                Collectors.counting()));
  }

  private Call lastCall(Lead lead) {
    Call last = null;
    for (int attempt = 1; ; attempt++) {
      Call call = calls.get(CallId.forAttempt(lead.id(), attempt).value());
      if (call == null) {
        return last;
      }
      last = call;
    }
  }
}
