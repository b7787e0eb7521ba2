package dev.dialkit.campaign.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LongIntMapTest {
  @Test
  void keepsTheFirstValueOfEachKeyThroughGrowth() {
    LongIntMap map = new LongIntMap(4);
    for (int i = 1; i <= 100_000; i++) {
      assertThat(map.putIfAbsent(919_800_000_000L + i, i)).isZero();
    }
    for (int i = 1; i <= 100_000; i++) {
      assertThat(map.putIfAbsent(919_800_000_000L + i, -1)).isEqualTo(i);
    }
    assertThat(map.size()).isEqualTo(100_000);
  }

  @Test
  void refusesTheFreeSlotMarker() {
    assertThatThrownBy(() -> new LongIntMap(4).putIfAbsent(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
