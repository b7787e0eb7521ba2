package dev.dialkit.store.mongo.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/**
 * Maps Dialkit's records to BSON documents and back, field for field. Instants are BSON dates
 * (milliseconds, Dialkit's precision); durations are stored as nanoseconds so that they round-trip
 * exactly; maps are stored as arrays of {@code {k, v}} pairs so that any key (dots, dollars) is
 * safe.
 */
final class Codec {
  private Codec() {}

  // ------------------------------------------------------------------ scalars

  static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  static Instant instant(Document doc, String key) {
    Date date = doc.getDate(key);
    return date == null ? null : date.toInstant();
  }

  static Long nanos(Duration duration) {
    return duration == null ? null : duration.toNanos();
  }

  static Duration duration(Document doc, String key) {
    Number n = (Number) doc.get(key);
    return n == null ? null : Duration.ofNanos(n.longValue());
  }

  static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  static String e164(PhoneNumber number) {
    return number == null ? null : number.e164();
  }

  static PhoneNumber phone(String e164) {
    return e164 == null ? null : PhoneNumber.of(e164);
  }

  static List<Document> pairs(Map<String, String> map) {
    List<Document> pairs = new ArrayList<>(map.size());
    new java.util.TreeMap<>(map).forEach((k, v) -> pairs.add(new Document("k", k).append("v", v)));
    return pairs;
  }

  static Map<String, String> map(Document doc, String key) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Document pair : doc.getList(key, Document.class, List.of())) {
      map.put(pair.getString("k"), pair.getString("v"));
    }
    return map;
  }

  static long number(Document doc, String key) {
    Number n = (Number) doc.get(key);
    return n == null ? 0 : n.longValue();
  }

  /** A key usable as a BSON field name: ids may hold dots, which would read as a path. */
  static String fieldKey(String id) {
    return id.replace('.', '~');
  }

  static String idOf(String fieldKey) {
    return fieldKey.replace('~', '.');
  }

  // ------------------------------------------------------------------ counters

  static Document counters(CampaignCounters counters) {
    Document doc = new Document();
    counters.values().forEach((c, v) -> doc.append(c.name(), v));
    return doc;
  }

  static CampaignCounters counters(Document doc) {
    Map<Counter, Long> values = new EnumMap<>(Counter.class);
    if (doc != null) {
      for (Counter counter : Counter.values()) {
        values.put(counter, number(doc, counter.name()));
      }
    }
    return new CampaignCounters(values);
  }

  static Document delta(CounterDelta delta) {
    Document doc = new Document();
    delta.amounts().forEach((c, v) -> doc.append(c.name(), v));
    return doc;
  }

  // ------------------------------------------------------------------ campaigns

  static Document campaign(Campaign c, long seq) {
    return new Document("_id", c.id().value())
        .append("tenant", c.tenant().value())
        .append("seq", seq)
        .append("spec", SpecCodec.spec(c.spec()))
        .append("status", c.status().name())
        .append("counters", counters(c.counters()))
        .append("createdAt", date(c.createdAt()))
        .append("startedAt", date(c.startedAt()))
        .append("endedAt", date(c.endedAt()))
        .append("updatedAt", date(c.updatedAt()))
        .append("rev", 0L)
        .append("leadSeq", 0L)
        .append("leaseOwner", null)
        .append("leaseEpoch", 0L)
        .append("leaseExpiry", null)
        .append("inserts", new Document())
        .append("voided", List.of());
  }

  static Campaign campaign(Document d) {
    return new Campaign(
        CampaignId.of(d.getString("_id")),
        TenantId.of(d.getString("tenant")),
        SpecCodec.spec(d.get("spec", Document.class)),
        CampaignStatus.valueOf(d.getString("status")),
        counters(d.get("counters", Document.class)),
        instant(d, "createdAt"),
        instant(d, "startedAt"),
        instant(d, "endedAt"),
        instant(d, "updatedAt"));
  }

  // ------------------------------------------------------------------ leads

  static Document lead(Lead l) {
    Document doc =
        new Document("_id", l.id().value())
            .append("tenant", l.tenant().value())
            .append("campaignId", l.campaignId().value())
            .append("phone", l.phone().e164())
            .append("name", l.name())
            .append("email", l.email())
            .append("company", l.company())
            .append("variables", pairs(l.variables()))
            .append("timeZone", l.timeZone().getId())
            .append("priority", l.priority())
            .append("sequence", l.sequence())
            .append("attempts", l.attempts())
            // calls ever stored for the lead: a refund lowers attempts, never this
            .append("calls", l.attempts())
            .append("state", l.state().name())
            .append("nextAttemptAt", date(l.nextAttemptAt()))
            .append("lastOutcome", name(l.lastOutcome()))
            .append("createdAt", date(l.createdAt()))
            .append("applied", List.of());
    if (l.hold() != null) {
      // absent means no hold: documents written before holds existed read the same way
      doc.append("hold", l.hold().name());
    }
    return doc;
  }

  static Lead lead(Document d) {
    return new Lead(
        LeadId.of(d.getString("_id")),
        TenantId.of(d.getString("tenant")),
        CampaignId.of(d.getString("campaignId")),
        PhoneNumber.of(d.getString("phone")),
        d.getString("name"),
        d.getString("email"),
        d.getString("company"),
        map(d, "variables"),
        ZoneId.of(d.getString("timeZone")),
        d.getInteger("priority"),
        number(d, "sequence"),
        (int) number(d, "attempts"),
        LeadState.valueOf(d.getString("state")),
        instant(d, "nextAttemptAt"),
        enumOf(CallStatus.class, d.getString("lastOutcome")),
        instant(d, "createdAt"),
        enumOf(LeadHold.class, d.getString("hold")));
  }

  // ------------------------------------------------------------------ calls

  /** The fields of a call that a transition may change, for {@code $set}. */
  static Document callState(Call c) {
    return new Document("providerCallId", c.providerCallId())
        .append("providerRequestId", c.providerRequestId())
        .append("status", c.status().name())
        .append("terminal", c.status().isTerminal())
        .append("sentAt", date(c.sentAt()))
        .append("ringingAt", date(c.ringingAt()))
        .append("answeredAt", date(c.answeredAt()))
        .append("endedAt", date(c.endedAt()))
        .append("duration", nanos(c.duration()))
        .append("billedDuration", nanos(c.billedDuration()))
        .append("failureReason", name(c.failureReason()))
        .append("hangupCause", c.hangupCause())
        .append("sipCode", c.sipCode())
        .append("answeredBy", name(c.answeredBy()))
        .append("recordingUrl", c.recordingUrl())
        .append("rawStatus", c.rawStatus())
        .append("lastSequence", c.lastSequence())
        .append("version", c.version())
        .append("updatedAt", date(c.updatedAt()));
  }

  static Document call(Call c) {
    Document doc =
        new Document("_id", c.id().value())
            .append("tenant", c.tenant().value())
            .append("campaignId", c.campaignId().value())
            .append("leadId", c.leadId().value())
            .append("attempt", c.attempt())
            .append("provider", c.provider())
            .append("from", c.from().e164())
            .append("to", c.to().e164())
            .append("createdAt", date(c.createdAt()))
            .append("order", new org.bson.types.ObjectId())
            .append("dedupe", List.of());
    doc.putAll(callState(c));
    return doc;
  }

  static Call call(Document d) {
    return new Call(
        CallId.of(d.getString("_id")),
        TenantId.of(d.getString("tenant")),
        CampaignId.of(d.getString("campaignId")),
        LeadId.of(d.getString("leadId")),
        d.getInteger("attempt"),
        d.getString("provider"),
        d.getString("providerCallId"),
        d.getString("providerRequestId"),
        phone(d.getString("from")),
        phone(d.getString("to")),
        CallStatus.valueOf(d.getString("status")),
        instant(d, "createdAt"),
        instant(d, "sentAt"),
        instant(d, "ringingAt"),
        instant(d, "answeredAt"),
        instant(d, "endedAt"),
        duration(d, "duration"),
        duration(d, "billedDuration"),
        enumOf(FailureReason.class, d.getString("failureReason")),
        d.getString("hangupCause"),
        d.getString("sipCode"),
        enumOf(AnsweredBy.class, d.getString("answeredBy")),
        d.getString("recordingUrl"),
        d.getString("rawStatus"),
        d.get("lastSequence") == null ? null : number(d, "lastSequence"),
        number(d, "version"),
        instant(d, "updatedAt"));
  }

  static <T> List<T> all(Iterable<Document> docs, Function<Document, T> mapper) {
    List<T> out = new ArrayList<>();
    for (Document d : docs) {
      out.add(mapper.apply(d));
    }
    return out;
  }
}
