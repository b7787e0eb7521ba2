package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.QueuePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How good the expected times are: a campaign of 1,000 leads at concurrency 20 with the simulated
 * provider's realistic calls (ring 3-20 s, talk about 45 s, a mix of busy, no answer, voicemail and
 * failures), in virtual time. Early on it asks for several leads' positions and the campaign's
 * expected end, runs the campaign out, and compares with when each lead was actually dialed and
 * when the campaign actually ended. The goal is ±10 %; the errors are printed, and asserted
 * within 25 % (virtual time is deterministic, so this is no timing test of the machine).
 */
class QueuePositionAccuracyTest {
  private static final int LEADS = 1_000;
  private static final int LIMIT = 20;
  private static final double TOLERANCE = 0.25;

  /** A lead's position, or (without a lead) the campaign's progress, as sampled. */
  private record Sample(Lead lead, QueuePosition position, CampaignProgress progress) {
    Sample(Lead lead, QueuePosition position) {
      this(lead, position, null);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard only; the run takes seconds
  void expectedDialTimesAndEndAreCloseToTheActualOnes() {
    try (DialerRig rig =
        new DialerRig(ConcurrencyPolicy.builder().global(LIMIT).perTenant(LIMIT).build(), p -> p)) {
      CampaignId id = rig.startCampaign("accuracy", LEADS, s -> s);
      List<Lead> leads = rig.allLeads(id);
      List<Sample> samples = new ArrayList<>();
      for (Duration early : List.of(Duration.ofMinutes(2), Duration.ofMinutes(5))) {
        rig.scheduler.advance(Duration.between(rig.clock.instant(), DialerRig.START.plus(early)));
        for (int index : new int[] {300, 450, 600, 750, 900, 990}) {
          Lead lead = leads.get(index);
          QueuePosition p = rig.dialer.leads().position(DialerRig.TENANT, lead.id()).orElseThrow();
          assertThat(p.basis()).isEqualTo(QueuePosition.Basis.OBSERVED_CLAIMS);
          samples.add(new Sample(lead, p));
        }
        CampaignProgress progress = rig.dialer.campaigns().progress(DialerRig.TENANT, id);
        assertThat(progress.expectedEnd()).isNotNull();
        samples.add(new Sample(null, null, progress));
      }

      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      Instant ended = rig.dialer.campaigns().get(DialerRig.TENANT, id).endedAt();
      List<Double> errors = new ArrayList<>();
      for (Sample s : samples) {
        if (s.lead() == null) {
          Instant sampledAt = s.progress().at();
          double error = relativeError(sampledAt, s.progress().expectedEnd(), ended);
          errors.add(error);
          System.out.printf(
              Locale.ROOT,
              "sampled at +%s, the campaign: expected end at +%s, ended at +%s: error %+.1f %%%n",
              since(sampledAt),
              since(s.progress().expectedEnd()),
              since(ended),
              error * 100);
          continue;
        }
        QueuePosition p = s.position();
        Instant dialed =
            rig.dialer
                .calls()
                .get(DialerRig.TENANT, CallId.forAttempt(s.lead().id(), 1))
                .orElseThrow()
                .createdAt();
        double error = relativeError(p.at(), p.expectedDialAt(), dialed);
        errors.add(error);
        System.out.printf(
            Locale.ROOT,
            "sampled at +%s, lead #%d: position %d at %.1f calls/min, expected at +%s, dialed at"
                + " +%s: error %+.1f %%%n",
            since(p.at()),
            leads.indexOf(s.lead()),
            p.position(),
            p.callsPerMinute(),
            since(p.expectedDialAt()),
            since(dialed),
            error * 100);
      }
      assertThat(errors).hasSize(14);
      assertThat(errors).allSatisfy(e -> assertThat(Math.abs(e)).isLessThan(TOLERANCE));
    }
  }

  /** (predicted wait − actual wait) ÷ actual wait, both from {@code from}. */
  private static double relativeError(Instant from, Instant predicted, Instant actual) {
    double actualWait = Duration.between(from, actual).toMillis();
    return (Duration.between(from, predicted).toMillis() - actualWait) / actualWait;
  }

  private static String since(Instant at) {
    Duration d = Duration.between(DialerRig.START, at);
    return String.format(Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
  }
}
