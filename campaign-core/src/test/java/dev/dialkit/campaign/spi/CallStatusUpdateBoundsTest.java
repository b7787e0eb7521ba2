package dev.dialkit.campaign.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The range predicates providers check with, and the constructor enforcing the same rule. */
class CallStatusUpdateBoundsTest {
  private static final Instant EARLIEST = CallStatusUpdate.EARLIEST;
  private static final Instant LATEST = CallStatusUpdate.LATEST;

  @Test
  void instantsFrom2000ToBefore2200() {
    assertThat(CallStatusUpdate.instantInRange(EARLIEST)).isTrue();
    assertThat(CallStatusUpdate.instantInRange(LATEST.minusNanos(1))).isTrue();
    assertThat(CallStatusUpdate.instantInRange(EARLIEST.minusNanos(1))).isFalse();
    assertThat(CallStatusUpdate.instantInRange(LATEST)).isFalse();
    assertThat(CallStatusUpdate.instantInRange(Instant.MIN)).isFalse();
    assertThat(CallStatusUpdate.INSTANT_RANGE)
        .isEqualTo("from 2000-01-01 to before 2200-01-01 UTC");
  }

  @Test
  void durationsFromZeroToSevenDays() {
    assertThat(CallStatusUpdate.durationInRange(Duration.ZERO)).isTrue();
    assertThat(CallStatusUpdate.durationInRange(Duration.ofSeconds(604_800))).isTrue();
    assertThat(CallStatusUpdate.durationInRange(Duration.ofSeconds(604_801))).isFalse();
    assertThat(CallStatusUpdate.durationInRange(Duration.ofSeconds(-1))).isFalse();
    assertThat(CallStatusUpdate.durationInRange(Duration.ofSeconds(Long.MAX_VALUE))).isFalse();
  }

  @Test
  void sequencesFromZeroToOneBillion() {
    assertThat(CallStatusUpdate.sequenceInRange(0)).isTrue();
    assertThat(CallStatusUpdate.sequenceInRange(CallStatusUpdate.MAX_SEQUENCE)).isTrue();
    assertThat(CallStatusUpdate.sequenceInRange(CallStatusUpdate.MAX_SEQUENCE + 1)).isFalse();
    assertThat(CallStatusUpdate.sequenceInRange(-1)).isFalse();
  }

  @Test
  void theConstructorRefusesWhatThePredicatesRefuse() {
    CallStatusUpdate.Builder ok =
        CallStatusUpdate.builder(CallStatus.COMPLETED, "completed")
            .occurredAt(LATEST.minusNanos(1))
            .duration(CallStatusUpdate.MAX_DURATION)
            .sequence(CallStatusUpdate.MAX_SEQUENCE);
    assertThat(ok.build().sequence()).isEqualTo(CallStatusUpdate.MAX_SEQUENCE);
    assertThatThrownBy(() -> ok.occurredAt(LATEST).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("occurredAt");
    assertThatThrownBy(
            () -> ok.occurredAt(EARLIEST).billedDuration(Duration.ofSeconds(604_801)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("billedDuration");
    assertThatThrownBy(
            () -> ok.billedDuration(null).sequence(CallStatusUpdate.MAX_SEQUENCE + 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sequence");
  }
}
