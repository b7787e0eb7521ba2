package dev.dialkit.store.mongo.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Call-log entries as documents ({@code _id} = the entry's sequence), and the reservation of their
 * sequences: a block per batch, taken before the entries are written so that an outbox can carry
 * them and inserting one twice is a duplicate key.
 */
final class CallLogDocs {
  private CallLogDocs() {}

  /** The entries as documents, with a block of sequences reserved for them. */
  static List<Document> documents(Sequences sequences, List<CallLogEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    long last = sequences.reserve("log", entries.size());
    long seq = last - entries.size();
    List<Document> docs = new ArrayList<>(entries.size());
    for (CallLogEntry entry : entries) {
      docs.add(document(entry, ++seq));
    }
    return docs;
  }

  static Document document(CallLogEntry e, long sequence) {
    return new Document("_id", sequence)
        .append("tenant", e.tenant().value())
        .append("campaignId", e.campaignId().value())
        .append("callId", e.callId() == null ? null : e.callId().value())
        .append("at", Codec.date(e.at()))
        .append("event", e.event().name())
        .append("status", Codec.name(e.status()))
        .append("detail", e.detail())
        .append("provider", e.provider())
        .append("raw", e.rawPayload());
  }

  static CallLogEntry entry(Document d) {
    String callId = d.getString("callId");
    return new CallLogEntry(
        Codec.number(d, "_id"),
        TenantId.of(d.getString("tenant")),
        CampaignId.of(d.getString("campaignId")),
        callId == null ? null : CallId.of(callId),
        Codec.instant(d, "at"),
        CallLogEvent.valueOf(d.getString("event")),
        Codec.enumOf(CallStatus.class, d.getString("status")),
        d.getString("detail"),
        d.getString("provider"),
        d.getString("raw"));
  }
}
