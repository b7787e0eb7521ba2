package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counters saturate at a long's limits instead of wrapping to the other sign. */
class CampaignCountersTest {
  @Test
  void addingPastTheLimitSaturates() {
    CampaignCounters near =
        CampaignCounters.ZERO.plus(CounterDelta.of(Counter.TALK_MILLIS, Long.MAX_VALUE - 10));
    CampaignCounters past = near.plus(CounterDelta.of(Counter.TALK_MILLIS, 604_800_000L));
    assertThat(past.get(Counter.TALK_MILLIS)).isEqualTo(Long.MAX_VALUE);
    CampaignCounters low =
        CampaignCounters.ZERO.plus(CounterDelta.of(Counter.TALK_MILLIS, Long.MIN_VALUE + 1));
    assertThat(low.plus(CounterDelta.of(Counter.TALK_MILLIS, -5)).get(Counter.TALK_MILLIS))
        .isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void ordinaryAmountsAddExactly() {
    CampaignCounters c =
        CampaignCounters.ZERO
            .plus(CounterDelta.of(Counter.TALK_MILLIS, 30_000).plus(Counter.TALK_MILLIS, 12_000))
            .plus(CounterDelta.of(Counter.TALK_MILLIS, -2_000));
    assertThat(c.get(Counter.TALK_MILLIS)).isEqualTo(40_000);
  }

  @Test
  void deltasSaturateToo() {
    CounterDelta d =
        CounterDelta.of(Counter.TALK_MILLIS, Long.MAX_VALUE).plus(Counter.TALK_MILLIS, 1);
    assertThat(d.get(Counter.TALK_MILLIS)).isEqualTo(Long.MAX_VALUE);
  }
}
