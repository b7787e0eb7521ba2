package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignProgressTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  private static Campaign campaign(Map<Counter, Long> counters) {
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("p")
            .agent(Agent.answerUrl("https://agent.example/answer"))
            .callerIds("+14155550199")
            .build();
    return Campaign.draft(CampaignId.of("c"), TenantId.of("t"), spec, START)
        .withStatus(CampaignStatus.RUNNING, START)
        .withCounters(new CampaignCounters(counters));
  }

  @Test
  void ratesDurationsAndEtaComeFromTheCounters() {
    Map<Counter, Long> c = new EnumMap<>(Counter.class);
    c.put(Counter.LEADS_TOTAL, 100L);
    c.put(Counter.LEADS_QUEUED, 70L);
    c.put(Counter.LEADS_IN_PROGRESS, 5L);
    c.put(Counter.LEADS_DONE, 15L);
    c.put(Counter.LEADS_FAILED, 10L);
    c.put(Counter.CALLS_PLACED, 30L);
    c.put(Counter.CALLS_COMPLETED, 12L);
    c.put(Counter.CALLS_VOICEMAIL, 3L);
    c.put(Counter.CALLS_NO_ANSWER, 6L);
    c.put(Counter.CALLS_BUSY, 4L);
    c.put(Counter.TALK_MILLIS, 15 * 40_000L);
    c.put(Counter.TIMED_CALLS, 15L);

    CampaignProgress p = CampaignProgress.of(campaign(c), START.plus(Duration.ofMinutes(10)));

    assertThat(p.callsEnded()).isEqualTo(25);
    assertThat(p.successRate()).isEqualTo(12 / 25.0);
    assertThat(p.answerRate()).isEqualTo(15 / 25.0);
    assertThat(p.averageDuration()).isEqualTo(Duration.ofSeconds(40));
    assertThat(p.totalTalkTime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(p.inProgress()).isEqualTo(5);
    assertThat(p.elapsed()).isEqualTo(Duration.ofMinutes(10));
    // 25 leads finished in 10 minutes; 75 remain: 30 more minutes at the observed rate
    assertThat(p.eta()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void theEtaIsUnknownUntilALeadFinishesAndZeroWhenNothingRemains() {
    Map<Counter, Long> c = new EnumMap<>(Counter.class);
    c.put(Counter.LEADS_TOTAL, 10L);
    c.put(Counter.LEADS_QUEUED, 10L);
    assertThat(CampaignProgress.of(campaign(c), START.plusSeconds(60)).eta()).isNull();
    c.put(Counter.LEADS_QUEUED, 0L);
    c.put(Counter.LEADS_DONE, 10L);
    assertThat(CampaignProgress.of(campaign(c), START.plusSeconds(60)).eta()).isZero();
  }
}
