package dev.dialkit.store.mongo.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.spi.DialPermit;
import dev.dialkit.campaign.spi.DialPermits;
import dev.dialkit.campaign.spi.PermitRequest;
import java.util.List;
import org.bson.Document;

/**
 * Dial permits without a transaction: decide on what was read, write the grant into the call, then
 * check the campaign again and take the grant back if it no longer dials under the asker's lease:
 *
 * <ol>
 *   <li>read the call, its campaign (status, lease), its lead and whether its number is on the
 *       tenant's do-not-call list; {@link DialPermits#refusal} decides. An unfinished outbox on the
 *       call is finished first;
 *   <li>one compare-and-set on the call (its version as read, no outbox, {@code INITIATED}, {@code
 *       sentAt} as read) writes {@code sentAt}, the next version and an outbox holding the log
 *       entries: concurrent requests for one call have at most one winner, and a release computed
 *       from the version before conflicts;
 *   <li>read the campaign and the do-not-call list again: if it is no longer {@code RUNNING}, or
 *       the lease (owner, epoch, expiry at {@code now}) no longer matches, or the number was listed
 *       meanwhile, the call is set back as it was (a compare-and-set on the granted version) and
 *       the request is denied;
 *   <li>otherwise the outbox is applied (the log entries) and the permit granted.
 * </ol>
 *
 * <p>Why step 3 makes the permit atomic with a pause, a cancel or a takeover: those write the
 * campaign, then read the calls (the stop fence, the new owner's recovery). Either step 3 reads the
 * campaign after that write and the grant is taken back, or it read it before, and then the call
 * write of step 2 came before the stopper's write and its read of the calls sees the call sent. No
 * grant survives that neither saw. Readers may see {@code sentAt} for the moment a grant is being
 * taken back; the asker sends nothing unless the answer is {@link DialPermit.Granted}. The list is
 * read again in step 3 for the same reason: an entry whose add returned before that read takes the
 * grant back, and a grant that survives was ordered before the add.
 */
final class Permits {
  private final Collections db;
  private final Outbox outbox;
  private final Sequences sequences;
  private final DoNotCallList doNotCall;

  Permits(Collections db, Outbox outbox, Sequences sequences, DoNotCallList doNotCall) {
    this.db = db;
    this.outbox = outbox;
    this.sequences = sequences;
    this.doNotCall = doNotCall;
  }

  DialPermit request(PermitRequest request) {
    List<Document> log = null;
    while (true) {
      Document doc = db.calls().find(Filters.eq("_id", request.callId().value())).first();
      if (doc == null || !doc.getString("tenant").equals(request.tenant().value())) {
        return new DialPermit.Denied(DialPermit.Reason.CALL_NOT_FOUND, null);
      }
      Call stored = Codec.call(doc);
      Document lead =
          db.leads()
              .find(Filters.eq("_id", stored.leadId().value()))
              .projection(Projections.include("state", "calls"))
              .first();
      DialPermit.Reason refusal = refusal(request, stored, campaign(stored), lead);
      if (refusal != null) {
        return new DialPermit.Denied(refusal, stored);
      }
      if (doc.get("pending") != null) {
        outbox.finish(Outbox.Work.of(doc));
        continue;
      }
      if (log == null) {
        log = CallLogDocs.documents(sequences, request.log());
      }
      Call granted = DialPermits.granted(stored, request);
      Document pending = Outbox.permit(granted.version(), log);
      boolean written =
          db.calls()
                  .updateOne(
                      Filters.and(
                          Filters.eq("_id", stored.id().value()),
                          Filters.eq("version", stored.version()),
                          Filters.exists("pending", false),
                          Filters.eq("status", CallStatus.INITIATED.name()),
                          Filters.eq("sentAt", Codec.date(stored.sentAt()))),
                      Updates.combine(
                          Updates.set("sentAt", Codec.date(granted.sentAt())),
                          Updates.set("version", granted.version()),
                          Updates.set("updatedAt", Codec.date(granted.updatedAt())),
                          Updates.set("pending", pending)))
                  .getMatchedCount()
              == 1;
      if (!written) {
        continue; // changed meanwhile: the next read says how
      }
      Seams.at(Seams.Point.PERMIT_WRITTEN);
      DialPermit.Reason late = refusal(request, stored, campaign(stored), lead);
      if (late != null) {
        return takeBack(stored, granted, late);
      }
      doc.putAll(Codec.callState(granted));
      doc.put("pending", pending);
      outbox.finish(Outbox.Work.of(doc));
      return new DialPermit.Granted(granted);
    }
  }

  private Document campaign(Call call) {
    return db.campaigns()
        .find(Filters.eq("_id", call.campaignId().value()))
        .projection(
            Projections.include(
                "status", "leaseOwner", "leaseEpoch", "leaseExpiry", "spec.schedule"))
        .first();
  }

  private DialPermit.Reason refusal(
      PermitRequest request, Call call, Document campaign, Document lead) {
    return DialPermits.refusal(
        request,
        call,
        CampaignStatus.valueOf(campaign.getString("status")),
        Leases.lease(campaign),
        lead == null ? null : LeadState.valueOf(lead.getString("state")),
        lead == null ? 0 : (int) Codec.number(lead, "calls"),
        doNotCall.isListed(call.tenant(), call.to()),
        SpecCodec.schedule(campaign.get("spec", Document.class)));
  }

  /**
   * Sets the call back as it was before the grant. If the call moved on from the grant meanwhile
   * (someone who read it sent acted on it), that party owns it now; either way nothing is sent.
   */
  private DialPermit takeBack(Call stored, Call granted, DialPermit.Reason why) {
    db.calls()
        .updateOne(
            Filters.and(
                Filters.eq("_id", stored.id().value()),
                Filters.eq("version", granted.version()),
                Filters.eq("sentAt", Codec.date(granted.sentAt()))),
            Updates.combine(
                Updates.set("sentAt", Codec.date(stored.sentAt())),
                Updates.set("version", stored.version()),
                Updates.set("updatedAt", Codec.date(stored.updatedAt())),
                Updates.unset("pending")));
    Document now = db.calls().find(Filters.eq("_id", stored.id().value())).first();
    return new DialPermit.Denied(why, now == null ? stored : Codec.call(now));
  }
}
