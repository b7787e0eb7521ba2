package dev.dialkit.store.mongo.internal;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.spi.AttemptCapRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempt caps, checked and reserved so that the claims of one tenant's number serialize across
 * every instance and campaign. One <b>number document</b> per tenant and number ({@code _id =
 * <tenant>/<e164>}) holds a version {@code v} and the claims in flight to the number ({@code held:
 * [{call, lead, token, at}]}: reserved, call not yet stored). A capped claim:
 *
 * <ol>
 *   <li>reads the number document;
 *   <li>reads the leads of its reservations (is each claim still picked, by its token?);
 *   <li>reads the tenant's calls to the number created after {@link AttemptCapRules#countedSince}:
 *       the calls themselves are the record of what counts, so a call released unsent ({@code
 *       CANCELED}, {@code NOT_DIALED}) stops counting the moment it is released;
 *   <li>counts each call that exists (released unsent ones left out) and each reservation whose
 *       call does not exist but whose lead still holds its token (a claim in flight), and applies
 *       {@link AttemptCapRules#check};
 *   <li>if a call may be made: one compare-and-set on {@code v} as read (an insert if there was no
 *       document) that raises {@code v} and writes the reservations still in flight plus its own.
 *       If another claim wrote the number since step 1, the write matches nothing and the claim
 *       starts again at step 1, where it sees that claim's reservation.
 * </ol>
 *
 * Two claims that both read the number before either wrote cannot both write: the second's
 * compare-and-set fails. So no cap is exceeded, whatever the instances and campaigns.
 *
 * <p>Why the leads before the calls: a reservation whose lead no longer holds its token either
 * became a call before the token went (a claim confirms, then stores its call, and the token goes
 * only when the call ends or is undone), or never will (the pick was put back or given up, and a
 * lost pick stores no call). Read in this order, the first kind is in the calls read after, and the
 * second counts for nothing: a claim that reserved and died before its lead was confirmed does not
 * eat a cap unit, and one that died after is recreated by the repair as a call never sent, which
 * the dialer's recovery releases unsent (then not counted either).
 *
 * <p>Reservations whose call exists or whose claim is gone are dropped at the next write, so the
 * document stays small. A claim without caps neither checks nor reserves: its call counts for
 * capped claims once it is stored.
 */
final class NumberGate {
  private static final Logger log = LoggerFactory.getLogger(NumberGate.class);

  /** Compare-and-set attempts before the claim gives up with a transient error. */
  static final int MAX_ROUNDS = 64;

  private final Collections db;

  NumberGate(Collections db) {
    this.db = db;
  }

  /** A reservation of the number by a claim in flight. */
  private record Held(String call, String lead, String token, Instant at) {
    Document document() {
      return new Document("call", call)
          .append("lead", lead)
          .append("token", token)
          .append("at", Codec.date(at));
    }

    static Held of(Document d) {
      return new Held(
          d.getString("call"),
          d.getString("lead"),
          d.getString("token"),
          d.getDate("at").toInstant());
    }
  }

  static String id(Lead lead) {
    return DoNotCallList.id(lead.tenant(), lead.phone());
  }

  /**
   * Checks the caps for a call to {@code lead}'s number at {@code now} and, if they allow it,
   * reserves the number for {@code call}, the claim of pick {@code token}. Returns the hold if the
   * caps hold the call back (nothing written then).
   */
  Optional<AttemptCapRules.Held> reserve(
      Lead lead, CallId call, String token, AttemptCaps caps, Instant now) {
    String id = id(lead);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Document number = db.numbers().find(Filters.eq("_id", id)).first();
      Instant since = AttemptCapRules.countedSince(now);
      List<Held> recent = new ArrayList<>();
      if (number != null) {
        for (Document d : number.getList("held", Document.class, List.of())) {
          Held held = Held.of(d);
          if (held.at().isAfter(since)) {
            recent.add(held);
          }
        }
      }
      Set<String> stillPicked = stillPicked(recent);
      Calls calls = callsSince(lead, since);
      List<Instant> counted = new ArrayList<>(calls.counted().values());
      List<Held> inFlight = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Held held : recent) {
        boolean stored =
            calls.counted().containsKey(held.call()) || calls.unsent().contains(held.call());
        if (!stored && stillPicked.contains(held.token()) && seen.add(held.call())) {
          counted.add(held.at());
          inFlight.add(held);
        }
      }
      Optional<AttemptCapRules.Held> capped =
          AttemptCapRules.check(caps, lead.timeZone(), now, counted);
      if (capped.isPresent()) {
        return capped;
      }
      Seams.at(Seams.Point.NUMBER_READ);
      List<Document> next = new ArrayList<>();
      inFlight.forEach(h -> next.add(h.document()));
      next.add(new Held(call.value(), lead.id().value(), token, now).document());
      if (write(id, lead, number, next)) {
        return Optional.empty();
      }
      log.debug(
          "claim of lead {} lost the race for number {}, reading it again",
          lead.id(),
          lead.phone().masked());
    }
    throw new StoreException(
        "the number of lead " + lead.id() + " is claimed by too many dialers at once; try again",
        true,
        null);
  }

  /** The calls stored: those that count, by id, and those released unsent. */
  private record Calls(Map<String, Instant> counted, Set<String> unsent) {}

  /** The tokens, among the reservations' leads, of claims still picked (lead holds the token). */
  private Set<String> stillPicked(List<Held> recent) {
    if (recent.isEmpty()) {
      return Set.of();
    }
    Set<String> tokens = new HashSet<>();
    List<String> leads = recent.stream().map(Held::lead).distinct().toList();
    for (Document d :
        db.leads().find(Filters.in("_id", leads)).projection(Projections.include("claim.token"))) {
      Document claim = d.get("claim", Document.class);
      if (claim != null && claim.getString("token") != null) {
        tokens.add(claim.getString("token"));
      }
    }
    return tokens;
  }

  /** The tenant's calls to the number created after {@code since}. */
  private Calls callsSince(Lead lead, Instant since) {
    Map<String, Instant> counted = new HashMap<>();
    Set<String> unsent = new HashSet<>();
    for (Document d :
        db.calls()
            .find(
                Filters.and(
                    Filters.eq("tenant", lead.tenant().value()),
                    Filters.eq("to", lead.phone().e164()),
                    Filters.gt("createdAt", Codec.date(since))))
            .projection(Projections.include("createdAt", "status", "failureReason"))) {
      boolean releasedUnsent =
          CallStatus.CANCELED.name().equals(d.getString("status"))
              && FailureReason.NOT_DIALED.name().equals(d.getString("failureReason"));
      if (releasedUnsent) {
        unsent.add(d.getString("_id"));
      } else {
        counted.put(d.getString("_id"), d.getDate("createdAt").toInstant());
      }
    }
    return new Calls(counted, unsent);
  }

  /** The compare-and-set on the version read (or the first insert); whether it won. */
  private boolean write(String id, Lead lead, Document read, List<Document> held) {
    if (!Switches.serializedNumbers) {
      // the former way: written whatever another claim wrote since the read
      db.numbers()
          .updateOne(
              Filters.eq("_id", id),
              Updates.combine(
                  Updates.inc("v", 1L),
                  Updates.set("held", held),
                  Updates.setOnInsert("tenant", lead.tenant().value()),
                  Updates.setOnInsert("phone", lead.phone().e164())),
              new com.mongodb.client.model.UpdateOptions().upsert(true));
      return true;
    }
    if (read == null) {
      try {
        db.numbers()
            .insertOne(
                new Document("_id", id)
                    .append("tenant", lead.tenant().value())
                    .append("phone", lead.phone().e164())
                    .append("v", 1L)
                    .append("held", held));
        return true;
      } catch (MongoException e) {
        if (Errors.isDuplicateKey(e)) {
          return false;
        }
        throw e;
      }
    }
    long version = Codec.number(read, "v");
    return db.numbers()
            .updateOne(
                Filters.and(Filters.eq("_id", id), Filters.eq("v", version)),
                Updates.combine(Updates.set("v", version + 1), Updates.set("held", held)))
            .getMatchedCount()
        == 1;
  }
}
