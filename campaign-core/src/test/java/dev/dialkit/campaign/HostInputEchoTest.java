package dev.dialkit.campaign;

import static dev.dialkit.campaign.CampaignSpecValidationTest.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The dialer's settings, ids and page requests: each bad value is a typed error, and whatever of it
 * is echoed is escaped and capped.
 */
class HostInputEchoTest {
  private static final String FORGED = "x\r\n2026-01-01 INFO forged";

  @Test
  void anInstanceIdIsEchoedEscaped() {
    rejects(
        () -> CampaignDialer.builder().instanceId(FORGED),
        "instanceId",
        "'x\\r\\n2026-01-01 INFO forged'",
        "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
    rejects(
        () -> CampaignDialer.builder().instanceId(null),
        "instanceId",
        "null",
        "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
  }

  @Test
  void aCallbackSecretIsNeverEchoedAndMustNotBeBlank() {
    rejects(
        () -> CampaignDialer.builder().callbackSecret(" ".repeat(40)),
        "callbackSecret",
        "40 blank characters",
        "must not be blank");
    rejects(
        () -> CampaignDialer.builder().callbackSecret("short\nsecret"),
        "callbackSecret",
        "12 characters",
        "must be at least 32 characters");
  }

  @Test
  void everyDurationSettingRefusesNullAndOutOfRange() {
    CampaignDialerBuilder b = CampaignDialer.builder();
    rejects(
        () -> b.heartbeatInterval(null),
        "heartbeatInterval",
        "null",
        "must be between PT0.01S and PT1M");
    rejects(
        () -> b.watchdogInterval(Duration.ofHours(2)),
        "watchdogInterval",
        "PT2H",
        "must be between PT1S and PT1H");
    rejects(
        () -> b.watchdogGrace(Duration.ofSeconds(-1)),
        "watchdogGrace",
        "PT-1S",
        "must be between PT0S and PT1H");
    rejects(
        () -> b.reconcileDelay(null), "reconcileDelay", "null", "must be between PT0S and PT1H");
    rejects(
        () -> b.hookRetryDelay(Duration.ofDays(2)),
        "hookRetryDelay",
        "PT48H",
        "must be between PT0S and PT24H");
    rejects(
        () -> b.placeRetryDelay(Duration.ofDays(2)),
        "placeRetryDelay",
        "PT48H",
        "must be between PT0S and PT24H");
    rejects(
        () -> b.progressInterval(Duration.ofMinutes(2)),
        "progressInterval",
        "PT2M",
        "must be between PT0S and PT1M");
    rejects(
        () -> b.leaseTtl(Duration.ofHours(1)),
        "leaseTtl",
        "PT1H",
        "must be between PT0.02S and PT10M");
  }

  @Test
  void everyOtherSettingRefusesNullAndOutOfRange() {
    CampaignDialerBuilder b = CampaignDialer.builder();
    rejects(() -> b.provider(null), "provider", "null", "is required");
    rejects(() -> b.concurrency(null), "concurrency", "null", "is required");
    rejects(() -> b.clock(null), "clock", "null", "is required");
    rejects(() -> b.scheduler(null), "scheduler", "null", "is required");
    rejects(() -> b.listener(null), "listener", "null", "is required");
    rejects(() -> b.listenerExecutor(null), "listenerExecutor", "null", "is required");
    rejects(() -> b.priorityPolicy(null), "priorityPolicy", "null", "is required");
    rejects(() -> b.preDialHook(null), "preDialHook", "null", "is required");
    rejects(() -> b.providerRetry(null), "providerRetry", "null", "is required");
    rejects(() -> b.circuitBreaker(null), "circuitBreaker", "null", "is required");
    rejects(() -> b.listenerQueueCapacity(15), "listenerQueueCapacity", "15", "must be >= 16");
    rejects(
        () -> b.maxWebhookBodyBytes(Integer.MAX_VALUE),
        "maxWebhookBodyBytes",
        "2147483647",
        "must be between 1024 and 16777216");
    rejects(
        () -> b.statusQueriesPerSecond(Double.POSITIVE_INFINITY),
        "statusQueriesPerSecond",
        "Infinity",
        "must be more than 0 and at most 1000");
  }

  @Test
  void concurrencyLimitsAreAtLeastOne() {
    rejects(() -> new ConcurrencyPolicy(0, 1, 1), "global", "0", "must be >= 1");
    rejects(
        () -> ConcurrencyPolicy.builder().perCampaign(Integer.MIN_VALUE),
        "perCampaign",
        "-2147483648",
        "must be >= 1");
  }

  @Test
  void idsEchoWhatWasRejectedEscapedAndCapped() {
    assertThatThrownBy(() -> TenantId.of(FORGED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "tenant id must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-',"
                + " was 'x\\r\\n2026-01-01 INFO forged'");
    assertThatThrownBy(() -> CampaignId.of("c\u0000")).hasMessageEndingWith("was 'c\\u0000'");
    assertThatThrownBy(() -> CallId.of("a".repeat(129)))
        .hasMessageEndingWith("was '" + "a".repeat(80) + "…'");
    assertThatThrownBy(() -> LeadId.of(null)).hasMessage("lead id must not be null");
    assertThatThrownBy(() -> LeadId.of("l".repeat(121)))
        .hasMessage("lead id must be at most 120 characters, was 121");
  }

  @Test
  void exceptionsEscapeAValueTheirCallerDidNotQuote() {
    // a provider module or a store passes raw text: the exception escapes it all the same
    InvalidConfigurationException e =
        new InvalidConfigurationException("baseUrl", "https://x\r\nINFO forged", "is wrong");
    assertThat(e).hasMessage("baseUrl is wrong, was https://x\\r\\nINFO forged");
    assertThat(e.value()).isEqualTo("https://x\\r\\nINFO forged");
    assertThat(new InvalidConfigurationException("f", "v".repeat(1000), "is wrong").value())
        .hasSize(2 * 80 + 1);
    InvalidLeadException lead = new InvalidLeadException(3, "name", "bad, was 'a\nb'");
    assertThat(lead).hasMessage("lead at row 3: name bad, was 'a\\nb'");
  }

  @Test
  void pageRequestsNameTheBadNumber() {
    assertThatThrownBy(() -> PageRequest.of(Integer.MAX_VALUE, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page * size must be at most 2147483647, was 2147483647000");
    assertThatThrownBy(() -> PageRequest.of(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> PageRequest.of(-1, 10)).hasMessage("page must be >= 0, was -1");
    assertThat(PageRequest.of(2, 50).offset()).isEqualTo(100);
  }

  @Test
  void phoneNumbersParsedFromTextAreCappedAndRefuseControlCharacters() {
    assertThatThrownBy(() -> PhoneNumber.parse("4".repeat(65), "US"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phone number must be at most 64 characters, was 65 characters");
    // masked but for the last four characters, which are escaped
    assertThatThrownBy(() -> PhoneNumber.parse("(415) 555-0123\n\u0000", "US"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "phone number must not contain control characters, was '************23\\n\\u0000'");
    assertThat(PhoneNumber.parse("\t(415) 555-0123", "US").e164()).isEqualTo("+14155550123");
    assertThatThrownBy(() -> PhoneNumber.of(null)).hasMessage("phone number is required, was null");
    assertThatThrownBy(() -> PhoneNumber.of("+1".repeat(100)))
        .hasMessage("phone number must be E.164 (+ and 7 to 15 digits), was 200 characters");
  }
}
