package dev.dialkit.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2ChecksTest {
  @Test
  void anH2UrlWithoutTheSettingClosesOnExit() {
    assertThat(H2Checks.closesOnExit("jdbc:h2:file:./data/dialer")).isTrue();
    assertThat(H2Checks.closesOnExit("jdbc:h2:file:./d;db_close_on_exit=false")).isFalse();
    assertThat(H2Checks.closesOnExit("jdbc:postgresql://db/dialer")).isFalse();
  }

  @Test
  void onlyAnH2MemUrlIsInMemory() {
    assertThat(H2Checks.inMemory("jdbc:h2:mem:4f2a;DB_CLOSE_DELAY=-1")).isTrue();
    assertThat(H2Checks.inMemory("jdbc:h2:file:./data/mem")).isFalse();
    assertThat(H2Checks.inMemory(null)).isFalse();
  }
}
