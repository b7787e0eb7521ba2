package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {
  @Test
  void acceptsValidE164AndMasksItInText() {
    PhoneNumber n = PhoneNumber.of("+14155550123");
    assertThat(n.e164()).isEqualTo("+14155550123");
    assertThat(n.toString()).isEqualTo("********0123");
    assertThat(n.region()).isEqualTo("US");
  }

  @Test
  void parsesWhatPeopleWriteIntoE164() {
    assertThat(PhoneNumber.parse("(415) 555-0123", "US").e164()).isEqualTo("+14155550123");
    assertThat(PhoneNumber.parse("098765 43210", "IN").e164()).isEqualTo("+919876543210");
  }

  @Test
  void rejectsNumbersWithAClearMessageThatNeverShowsTheWholeNumber() {
    assertThatThrownBy(() -> PhoneNumber.of("4155550123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("E.164")
        .hasMessageNotContaining("4155550123");
    assertThatThrownBy(() -> PhoneNumber.of("+1415555")).hasMessageContaining("not a valid number");
    assertThatThrownBy(() -> PhoneNumber.parse("not a number", "US"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
