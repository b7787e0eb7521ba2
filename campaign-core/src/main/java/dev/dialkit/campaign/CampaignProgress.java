package dev.dialkit.campaign;

import java.time.Duration;
import java.time.Instant;

/**
 * A campaign's progress, derived from its stored counters at one instant. Rates are fractions in
 * [0, 1] of the calls that ended; they are 0 while no call has ended.
 *
 * @param campaignId the campaign
 * @param tenant its tenant
 * @param status its status
 * @param total leads imported
 * @param queued leads waiting
 * @param inProgress leads with a call in progress (the campaign's active calls)
 * @param done leads reached
 * @param failed leads given up on
 * @param skipped leads not dialed on purpose
 * @param callsPlaced calls placed
 * @param callsEnded calls that reached a terminal status
 * @param completed calls completed by a person
 * @param voicemail calls answered by a machine
 * @param busy calls that were busy
 * @param noAnswer calls not answered
 * @param callsFailed calls that failed
 * @param canceled calls canceled
 * @param failovers ended calls that a failover provider carried instead of the campaign's own
 * @param retries ended calls whose lead was queued again by the retry policy
 * @param expired leads left undialed when the campaign's schedule ended (counted in {@code skipped}
 *     too)
 * @param successRate completed / ended
 * @param answerRate (completed + voicemail) / ended
 * @param averageDuration mean talk time of the answered calls with a known duration, or zero
 * @param totalTalkTime the sum of the reported durations
 * @param elapsed since the campaign started, or zero
 * @param eta the time left at the observed rate of finished leads, or {@code null} while unknown
 * @param at when this snapshot was taken
 */
public record CampaignProgress(
    CampaignId campaignId,
    TenantId tenant,
    CampaignStatus status,
    long total,
    long queued,
    long inProgress,
    long done,
    long failed,
    long skipped,
    long callsPlaced,
    long callsEnded,
    long completed,
    long voicemail,
    long busy,
    long noAnswer,
    long callsFailed,
    long canceled,
    long failovers,
    long retries,
    long expired,
    double successRate,
    double answerRate,
    Duration averageDuration,
    Duration totalTalkTime,
    Duration elapsed,
    Duration eta,
    Instant at) {

  /** The progress of {@code campaign} at {@code now}. */
  public static CampaignProgress of(Campaign campaign, Instant now) {
    CampaignCounters c = campaign.counters();
    long completed = c.get(Counter.CALLS_COMPLETED);
    long voicemail = c.get(Counter.CALLS_VOICEMAIL);
    long ended =
        completed
            + voicemail
            + c.get(Counter.CALLS_BUSY)
            + c.get(Counter.CALLS_NO_ANSWER)
            + c.get(Counter.CALLS_FAILED)
            + c.get(Counter.CALLS_CANCELED);
    long timed = c.get(Counter.TIMED_CALLS);
    Duration talk = Duration.ofMillis(c.get(Counter.TALK_MILLIS));
    Duration average = timed == 0 ? Duration.ZERO : talk.dividedBy(timed);
    Instant end = campaign.endedAt() != null ? campaign.endedAt() : now;
    Duration elapsed =
        campaign.startedAt() == null || end.isBefore(campaign.startedAt())
            ? Duration.ZERO
            : Duration.between(campaign.startedAt(), end);
    long finished =
        c.get(Counter.LEADS_DONE) + c.get(Counter.LEADS_FAILED) + c.get(Counter.LEADS_SKIPPED);
    long remaining = c.get(Counter.LEADS_QUEUED) + c.get(Counter.LEADS_IN_PROGRESS);
    Duration eta = null;
    if (remaining == 0) {
      eta = Duration.ZERO;
    } else if (finished > 0 && !elapsed.isZero() && !campaign.status().isFinal()) {
      eta = Duration.ofMillis(Math.round(elapsed.toMillis() * (double) remaining / finished));
    }
    return new CampaignProgress(
        campaign.id(),
        campaign.tenant(),
        campaign.status(),
        c.get(Counter.LEADS_TOTAL),
        c.get(Counter.LEADS_QUEUED),
        c.get(Counter.LEADS_IN_PROGRESS),
        c.get(Counter.LEADS_DONE),
        c.get(Counter.LEADS_FAILED),
        c.get(Counter.LEADS_SKIPPED),
        c.get(Counter.CALLS_PLACED),
        ended,
        completed,
        voicemail,
        c.get(Counter.CALLS_BUSY),
        c.get(Counter.CALLS_NO_ANSWER),
        c.get(Counter.CALLS_FAILED),
        c.get(Counter.CALLS_CANCELED),
        c.get(Counter.FAILOVERS),
        c.get(Counter.RETRIES),
        c.get(Counter.LEADS_EXPIRED),
        ratio(completed, ended),
        ratio(completed + voicemail, ended),
        average,
        talk,
        elapsed,
        eta,
        now);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Leads that reached a final state. */
  public long finished() {
    return done + failed + skipped;
  }
}
