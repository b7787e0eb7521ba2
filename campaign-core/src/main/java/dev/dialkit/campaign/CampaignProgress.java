package dev.dialkit.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
 * @param eta the time left, or {@code null} while unknown: from {@link #of}, the elapsed time
 *     scaled by the leads left over the leads finished; from {@code Campaigns.progress}, the leads
 *     queued or in progress divided by the campaign's dial rate when the dialer has one (see {@link
 *     QueuePosition.Basis}), else the former
 * @param at when this snapshot was taken
 * @param dispositions how many calls have each disposition code ({@link Calls#disposition}), by
 *     code; codes no call has are absent
 * @param conversionRate calls with a {@link DispositionCode#success()} code ÷ answered calls
 *     (completed + voicemail), in [0, 1]; 0 while no call was answered
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
    Instant at,
    Map<String, Long> dispositions,
    double conversionRate) {

  public CampaignProgress {
    dispositions = Map.copyOf(dispositions == null ? Map.of() : dispositions);
  }

  /** A progress without expired leads or dispositions (the shape before both existed). */
  public CampaignProgress(
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
      double successRate,
      double answerRate,
      Duration averageDuration,
      Duration totalTalkTime,
      Duration elapsed,
      Duration eta,
      Instant at) {
    this(
        campaignId,
        tenant,
        status,
        total,
        queued,
        inProgress,
        done,
        failed,
        skipped,
        callsPlaced,
        callsEnded,
        completed,
        voicemail,
        busy,
        noAnswer,
        callsFailed,
        canceled,
        failovers,
        retries,
        0,
        successRate,
        answerRate,
        averageDuration,
        totalTalkTime,
        elapsed,
        eta,
        at,
        Map.of(),
        0);
  }

  /**
   * The progress of {@code campaign} at {@code now} with the calls' disposition counts ({@link
   * dev.dialkit.campaign.spi.CampaignStore#dispositionCounts}); the conversion rate counts the
   * codes the campaign's {@link CampaignSpec#dispositions()} mark as a success.
   */
  public static CampaignProgress of(
      Campaign campaign, Map<String, Long> dispositions, Instant now) {
    CampaignProgress p = of(campaign, now);
    DispositionSet set = campaign.spec().dispositions();
    long converted = 0;
    for (Map.Entry<String, Long> e : dispositions.entrySet()) {
      if (set.isSuccess(e.getKey())) {
        converted += e.getValue();
      }
    }
    long answered = p.completed + p.voicemail;
    return new CampaignProgress(
        p.campaignId,
        p.tenant,
        p.status,
        p.total,
        p.queued,
        p.inProgress,
        p.done,
        p.failed,
        p.skipped,
        p.callsPlaced,
        p.callsEnded,
        p.completed,
        p.voicemail,
        p.busy,
        p.noAnswer,
        p.callsFailed,
        p.canceled,
        p.failovers,
        p.retries,
        p.expired,
        p.successRate,
        p.answerRate,
        p.averageDuration,
        p.totalTalkTime,
        p.elapsed,
        p.eta,
        p.at,
        dispositions,
        // a disposition may be recorded on a call not answered (the host's choice): never above 1
        Math.min(1, ratio(converted, answered)));
  }

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
        now,
        Map.of(),
        0);
  }

  /** This progress with another ETA ({@code null}: unknown). */
  public CampaignProgress withEta(Duration eta) {
    if (eta != null && eta.isNegative()) {
      throw new IllegalArgumentException("eta must be >= 0, was " + eta);
    }
    return new CampaignProgress(
        campaignId,
        tenant,
        status,
        total,
        queued,
        inProgress,
        done,
        failed,
        skipped,
        callsPlaced,
        callsEnded,
        completed,
        voicemail,
        busy,
        noAnswer,
        callsFailed,
        canceled,
        failovers,
        retries,
        expired,
        successRate,
        answerRate,
        averageDuration,
        totalTalkTime,
        elapsed,
        eta,
        at,
        dispositions,
        conversionRate);
  }

  /** When the campaign is expected to end: {@link #at} plus {@link #eta}, or {@code null}. */
  public Instant expectedEnd() {
    return eta == null ? null : at.plus(eta);
  }

  private static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  /** Leads that reached a final state. */
  public long finished() {
    return done + failed + skipped;
  }
}
