package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;

/**
 * Counts the queued leads a claim would take before a given one ({@code
 * CampaignStore.countLeadsAhead}): two counts over ranges of the claim-order index {@code
 * lead_claim}, the higher priorities and the same priority's lower sequences, the due time and zone
 * checked on the documents of that range: the cost grows with the leads ahead, never with the rest
 * of the campaign. No covering index: it would be one more index for every claim and call end to
 * update on the store's busiest collection, for a read that is asked far less often.
 */
final class LeadsAheadCount {
  private final Collections db;

  LeadsAheadCount(Collections db) {
    this.db = db;
  }

  long count(Lead lead, Instant dueBy, Set<ZoneId> zones) {
    if (db.campaigns().countDocuments(StoreReads.owned(lead.tenant(), lead.campaignId())) == 0) {
      return 0;
    }
    return db.leads().countDocuments(filter(lead, dueBy, zones, true))
        + db.leads().countDocuments(filter(lead, dueBy, zones, false));
  }

  private static Bson filter(Lead lead, Instant dueBy, Set<ZoneId> zones, boolean higher) {
    List<Bson> filter = new ArrayList<>();
    filter.add(Filters.eq("campaignId", lead.campaignId().value()));
    filter.add(Filters.eq("state", LeadState.QUEUED.name()));
    if (higher) {
      filter.add(Filters.gt("priority", lead.priority()));
    } else {
      filter.add(Filters.eq("priority", lead.priority()));
      filter.add(Filters.lt("sequence", lead.sequence()));
    }
    filter.add(Filters.lte("nextAttemptAt", Codec.date(dueBy)));
    if (zones != null) {
      filter.add(Filters.in("timeZone", zones.stream().map(ZoneId::getId).toList()));
    }
    return Filters.and(filter);
  }
}
