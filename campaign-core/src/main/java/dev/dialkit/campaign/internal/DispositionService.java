package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.DispositionCode;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.Suppression;
import dev.dialkit.campaign.SuppressionSource;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.DispositionWrite;
import dev.dialkit.campaign.spi.Untrusted;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a call's disposition, then applies what its code does: do-not-call, callback, stop. The
 * write and each effect are idempotent, so a request retried after a crash between them (or the
 * same webhook delivered twice) ends in the same state, with one log entry.
 */
final class DispositionService {
  private static final Logger log = LoggerFactory.getLogger(DispositionService.class);

  private final CampaignStore store;
  private final Clock clock;
  private final Callbacks callbacks;
  private final CampaignLifecycle lifecycle;

  DispositionService(
      CampaignStore store, Clock clock, Callbacks callbacks, CampaignLifecycle lifecycle) {
    this.store = store;
    this.clock = clock;
    this.callbacks = callbacks;
    this.lifecycle = lifecycle;
  }

  CallOutcome record(TenantId tenant, CallId callId, Disposition disposition) {
    required("tenant", tenant);
    required("call", callId);
    required("disposition", disposition);
    Call call =
        store
            .findCall(tenant, callId)
            .orElseThrow(() -> new IllegalArgumentException("no call " + callId + " of " + tenant));
    Campaign campaign =
        store
            .findCampaign(tenant, call.campaignId())
            .orElseThrow(() -> new IllegalArgumentException("no call " + callId + " of " + tenant));
    DispositionCode code =
        campaign
            .spec()
            .dispositions()
            .find(disposition.code())
            .orElseThrow(
                () ->
                    new InvalidConfigurationException(
                        "disposition.code",
                        disposition.code(),
                        "is not one of campaign " + campaign.id() + "'s dispositions"));
    if (code.callback() && disposition.callbackAt() == null) {
      throw new InvalidConfigurationException(
          "disposition.callbackAt", null, "is required with callback code " + code.code());
    }
    Instant now = clock.instant();
    DispositionWrite write =
        store.recordDisposition(tenant, callId, disposition, now, entry(call, disposition, now));
    if (write.result() == DispositionWrite.Result.NOT_FOUND) {
      throw new IllegalArgumentException("no call " + callId + " of " + tenant);
    }
    if (write.result() == DispositionWrite.Result.REPLACED) {
      log.info(
          "campaign {}: call {} disposition {} replaced by {}",
          call.campaignId(),
          callId,
          write.previous().code(),
          disposition.code());
    }
    apply(call, code, disposition, now);
    return write.outcome();
  }

  private void apply(Call call, DispositionCode code, Disposition disposition, Instant now) {
    if (code.doNotCall()) {
      store.addSuppressions(
          List.of(
              new Suppression(
                  call.tenant(),
                  call.to(),
                  SuppressionSource.OPT_OUT,
                  "disposition " + code.code(),
                  call.id(),
                  now)));
      log.info(
          "tenant {}: {} put on the do-not-call list by call {}'s disposition",
          call.tenant(),
          call.to().masked(),
          call.id());
    }
    if (code.stop()) {
      store.stopLead(call.tenant(), call.leadId(), now);
      lifecycle.completeIfDone(call.tenant(), call.campaignId());
    }
    if (code.callback()) {
      callbacks.at(call.tenant(), call.leadId(), disposition.callbackAt(), call);
    }
  }

  private static CallLogEntry entry(Call call, Disposition d, Instant now) {
    String detail =
        "disposition "
            + d.code()
            + (d.score() == null ? "" : ", score " + d.score())
            + (d.callbackAt() == null ? "" : ", callback at " + d.callbackAt() + " local time")
            + (d.fields().isEmpty()
                ? ""
                : ", fields " + Untrusted.escape(d.fields().keySet().toString(), 200));
    return CallLogEntry.draft(call, now, CallLogEvent.DISPOSITION_RECORDED, null, detail, null);
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidConfigurationException(field, null, "is required");
    }
    return value;
  }
}
