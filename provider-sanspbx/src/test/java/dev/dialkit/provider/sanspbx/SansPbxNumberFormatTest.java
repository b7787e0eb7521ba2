package dev.dialkit.provider.sanspbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.PhoneNumber;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SansPbxNumberFormatTest {
  @ParameterizedTest
  @CsvSource({
    "ZERO_PREFIXED, +919876543210, 09876543210",
    "COUNTRY_CODE, +919876543210, 919876543210",
    "E164, +919876543210, +919876543210",
    "NATIONAL, +919876543210, 9876543210",
    "LAST_SEVEN_DIGITS, +911246745647, 6745647",
    "E164, +14155550123, +14155550123"
  })
  void writesTheNumber(SansPbxNumberFormat format, String e164, String written) {
    assertThat(format.format(PhoneNumber.of(e164))).isEqualTo(written);
  }

  @ParameterizedTest
  @EnumSource(value = SansPbxNumberFormat.class, names = "E164", mode = EnumSource.Mode.EXCLUDE)
  void refusesANumberOutsideIndiaShowingItMasked(SansPbxNumberFormat format) {
    assertThatThrownBy(() -> format.format(PhoneNumber.of("+14155550123")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("*******0123")
        .hasMessageNotContaining("4155550123");
  }
}
