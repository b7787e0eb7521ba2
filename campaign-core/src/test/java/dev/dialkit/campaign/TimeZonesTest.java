package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeZonesTest {
  private static final Instant JAN_2025 = Instant.parse("2025-01-15T12:00:00Z");

  @Test
  void aNewYorkNumberIsInNewYork() {
    assertThat(TimeZones.forNumber(PhoneNumber.of("+12125550123")))
        .contains(ZoneId.of("America/New_York"));
  }

  @Test
  void anIndianNumberIsInIndiaUnderEitherOfItsNames() {
    ZoneId india = TimeZones.forNumber(PhoneNumber.of("+919876543210")).orElseThrow();

    // the library says Asia/Calcutta, the JDK's alias of Asia/Kolkata: same rules either way
    assertThat(india.getId()).isIn("Asia/Calcutta", "Asia/Kolkata");
    assertThat(india.getRules()).isEqualTo(ZoneId.of("Asia/Kolkata").getRules());
    assertThat(india.getRules().getOffset(JAN_2025).getTotalSeconds()).isEqualTo(19_800);
  }

  @Test
  void aLondonLandlineIsInLondon() {
    assertThat(TimeZones.forNumber(PhoneNumber.of("+442079460123")))
        .contains(ZoneId.of("Europe/London"));
  }

  @Test
  void aNumberWithSeveralZonesIsAmbiguousAndHasNone() {
    // toll-free: anywhere in the North American numbering plan
    assertThat(TimeZones.forNumber(PhoneNumber.of("+18002752273"))).isEmpty();
    // a UK mobile may be in London, Jersey, Guernsey or the Isle of Man
    assertThat(TimeZones.forNumber(PhoneNumber.of("+447911123456"))).isEmpty();
  }

  @Test
  void aNumberTheDataDoesNotPlaceHasNone() {
    // Inmarsat: valid, but only the unknown zone Etc/Unknown
    assertThat(TimeZones.forNumber(PhoneNumber.of("+870773111632"))).isEmpty();
  }

  @Test
  void aNullNumberIsRejected() {
    assertThatThrownBy(() -> TimeZones.forNumber(null)).isInstanceOf(NullPointerException.class);
  }
}
