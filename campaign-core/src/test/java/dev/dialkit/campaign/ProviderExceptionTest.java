package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A provider's error text is network input: it reaches a message escaped and capped. */
class ProviderExceptionTest {
  @Test
  void theProvidersTextIsEscapedAndCapped() {
    ProviderException e =
        new ProviderException(
            "twilio",
            "bad number\r\n2026-01-01 INFO forged line" + "x".repeat(5000),
            400,
            "21211\n",
            FailureReason.INVALID_NUMBER,
            false,
            false,
            null);
    assertThat(e.getMessage())
        .doesNotContain("\r", "\n")
        .contains("bad number\\r\\n2026-01-01 INFO forged line")
        .contains("(HTTP 400) [code 21211\\n]")
        .hasSizeLessThan(700);
    assertThat(e.providerCode()).isEqualTo("21211\n");
  }
}
