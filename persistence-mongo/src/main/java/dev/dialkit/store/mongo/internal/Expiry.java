package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ScheduleRules;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * {@code CampaignStore.expireLeads}: each queued lead of an ended campaign is expired by its own
 * conditional update ({@link PassOver#expire}), so a lead claimed meanwhile is not expired and two
 * instances expiring at once count each lead once. Leads of an insert still open are left for a
 * later call, as a claim leaves them (their counters are settled by the insert).
 */
final class Expiry {
  private final Collections db;
  private final PassOver passOver;

  Expiry(Collections db, PassOver passOver) {
    this.db = db;
    this.passOver = passOver;
  }

  long expire(TenantId tenant, CampaignId id, Instant now) {
    Document campaign =
        db.campaigns()
            .find(MongoStore.owned(tenant, id))
            .projection(
                Projections.include("spec.schedule", InsertIntents.OPEN, InsertIntents.VOIDED))
            .first();
    if (campaign == null
        || !ScheduleRules.ended(SpecCodec.schedule(campaign.get("spec", Document.class)), now)) {
      return 0;
    }
    List<String> unclaimable = InsertIntents.unclaimable(campaign);
    long expired = 0;
    for (Document lead :
        db.leads()
            .find(
                Filters.and(
                    Filters.eq("campaignId", id.value()),
                    Filters.eq("tenant", tenant.value()),
                    Filters.eq("state", LeadState.QUEUED.name()),
                    Filters.nin(InsertIntents.LEAD_FIELD, unclaimable)))
            .projection(Projections.include("_id"))) {
      if (passOver.expire(lead.getString("_id"))) {
        expired++;
      }
    }
    return expired;
  }
}
