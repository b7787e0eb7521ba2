package dev.dialkit.provider.twilio;

import static dev.dialkit.provider.twilio.TwilioPayloads.ACCOUNT_SID;
import static dev.dialkit.provider.twilio.TwilioPayloads.API_KEY_SECRET;
import static dev.dialkit.provider.twilio.TwilioPayloads.API_KEY_SID;
import static dev.dialkit.provider.twilio.TwilioPayloads.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.PhoneNumber;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioConfigurationTest {
  private static TwilioProviderBuilder valid() {
    return TwilioProvider.builder()
        .accountSid(ACCOUNT_SID)
        .authToken(AUTH_TOKEN)
        .callbackBaseUrl("https://dialer.example.com/webhooks/twilio");
  }

  private static void assertInvalid(Supplier<?> build, String field, String value) {
    assertThatThrownBy(build::get)
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.value()).isEqualTo(value);
              assertThat(e.getMessage())
                  .startsWith(field)
                  .doesNotContain(AUTH_TOKEN, API_KEY_SECRET);
            });
  }

  @Test
  void defaults() {
    TwilioProvider p = valid().build();
    assertThat(p.name()).isEqualTo("twilio");
    assertThat(p.callsPerSecond()).isEqualTo(1.0);
    assertThat(p.capabilities())
        .isEqualTo(
            new dev.dialkit.campaign.spi.ProviderCapabilities(true, true, true, true, true, true));
    assertThat(p.toString())
        .contains("publicBaseUrl=https://dialer.example.com,", "baseUrl=https://api.twilio.com")
        .doesNotContain(AUTH_TOKEN);
  }

  @Test
  void missingRequiredSettings() {
    assertInvalid(
        () ->
            TwilioProvider.builder()
                .authToken(AUTH_TOKEN)
                .callbackBaseUrl("https://a.example.com")
                .build(),
        "accountSid",
        "null");
    assertInvalid(
        () ->
            TwilioProvider.builder()
                .accountSid(ACCOUNT_SID)
                .callbackBaseUrl("https://a.example.com")
                .build(),
        "authToken",
        "null");
    assertInvalid(
        () -> TwilioProvider.builder().accountSid(ACCOUNT_SID).authToken(AUTH_TOKEN).build(),
        "callbackBaseUrl",
        "null");
  }

  @Test
  void anApiKeyAloneIsNotEnoughBecauseWebhooksAreSignedWithTheAuthToken() {
    assertInvalid(
        () ->
            TwilioProvider.builder()
                .accountSid(ACCOUNT_SID)
                .apiKey(API_KEY_SID, API_KEY_SECRET)
                .callbackBaseUrl("https://a.example.com")
                .build(),
        "authToken",
        "null");
  }

  @Test
  void badCredentialsNameTheFieldButNeverTheSecret() {
    assertInvalid(
        () -> valid().accountSid("SK0123456789abcdef0123456789abcdef"),
        "accountSid",
        "SK0123456789abcdef0123456789abcdef");
    assertInvalid(() -> valid().authToken(" "), "authToken", "<blank>");
    assertInvalid(
        () -> valid().apiKey("AC0123456789abcdef0123456789abcdef", API_KEY_SECRET),
        "apiKeySid",
        "AC0123456789abcdef0123456789abcdef");
    assertInvalid(() -> valid().apiKey(API_KEY_SID, ""), "apiKeySecret", "<blank>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://dialer.example.com/hooks",
        "/hooks/twilio",
        "ftp://dialer.example.com/x",
        "https://my_host.example.com/x",
        "https://user:pw@dialer.example.com/x"
      })
  void aCallbackBaseUrlMustBeAbsoluteHttpsWithoutUnderscoreOrUserInfo(String url) {
    assertThatThrownBy(() -> valid().callbackBaseUrl(url))
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.field()).isEqualTo("callbackBaseUrl"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/hooks",
        "http://127.0.0.1/hooks",
        "https://dialer.example.com/hooks#rc=2"
      })
  void httpIsAllowedForLocalhostAndAFragmentIsKept(String url) {
    assertThat(valid().callbackBaseUrl(url).build().toString()).contains(url);
  }

  @Test
  void otherRanges() {
    assertInvalid(() -> valid().callsPerSecond(0), "callsPerSecond", "0.0");
    assertInvalid(() -> valid().requestTimeout(Duration.ZERO), "requestTimeout", "PT0S");
    assertInvalid(() -> valid().name("twilio eu"), "name", "twilio eu");
    assertInvalid(() -> valid().baseUrl("api.twilio.com"), "baseUrl", "api.twilio.com");
    assertInvalid(
        () -> valid().publicBaseUrl("calls.example.com"), "publicBaseUrl", "calls.example.com");
    assertThatThrownBy(() -> valid().httpClient(null))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  @ParameterizedTest(name = "{0}({1}) refused")
  @CsvSource({
    "machineDetectionTimeout, PT2S",
    "machineDetectionTimeout, PT1M",
    "machineDetectionTimeout, PT30.5S",
    "machineDetectionTimeout, PT-30S",
    "machineDetectionSpeechThreshold, PT0.999S",
    "machineDetectionSpeechThreshold, PT6.001S",
    "machineDetectionSpeechThreshold, PT2.4000001S",
    "machineDetectionSpeechEndThreshold, PT0.499S",
    "machineDetectionSpeechEndThreshold, PT5.001S",
    "machineDetectionSilenceTimeout, PT1.999S",
    "machineDetectionSilenceTimeout, PT10.001S"
  })
  void amdTuningOutsideTwiliosDocumentedRangesIsRefused(String field, Duration value) {
    TwilioProviderBuilder b = valid();
    Supplier<?> set =
        switch (field) {
          case "machineDetectionTimeout" -> () -> b.machineDetectionTimeout(value);
          case "machineDetectionSpeechThreshold" -> () -> b.machineDetectionSpeechThreshold(value);
          case "machineDetectionSpeechEndThreshold" ->
              () -> b.machineDetectionSpeechEndThreshold(value);
          default -> () -> b.machineDetectionSilenceTimeout(value);
        };
    assertInvalid(set, field, value.toString());
  }

  @Test
  void amdTuningAcceptsTheBoundsThemselvesAndRefusesNull() {
    assertThat(
            valid()
                .machineDetection(TwilioMachineDetection.DETECT_MESSAGE_END)
                .machineDetectionTimeout(Duration.ofSeconds(3))
                .machineDetectionTimeout(Duration.ofSeconds(59))
                .machineDetectionSpeechThreshold(Duration.ofMillis(1000))
                .machineDetectionSpeechThreshold(Duration.ofMillis(6000))
                .machineDetectionSpeechEndThreshold(Duration.ofMillis(500))
                .machineDetectionSpeechEndThreshold(Duration.ofMillis(5000))
                .machineDetectionSilenceTimeout(Duration.ofMillis(2000))
                .machineDetectionSilenceTimeout(Duration.ofMillis(10000))
                .build()
                .toString())
        .contains("machineDetection=DETECT_MESSAGE_END");
    assertInvalid(() -> valid().machineDetection(null), "machineDetection", "null");
    assertInvalid(() -> valid().machineDetectionTimeout(null), "machineDetectionTimeout", "null");
  }

  @Test
  void aBaseUrlKeepsOnlySchemeAndAuthority() {
    assertThat(valid().baseUrl("https://api.dublin.ie1.twilio.com/ignored").build().toString())
        .contains("baseUrl=https://api.dublin.ie1.twilio.com,");
  }

  @Test
  void aCallerIdThatIsNotE164CannotReachTheProvider() {
    // From and To are PhoneNumbers, validated as E.164 when made; the provider never sees raw text
    assertThatThrownBy(() -> PhoneNumber.of("4155550100"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhoneNumber.of("+1 415 555 0100"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
