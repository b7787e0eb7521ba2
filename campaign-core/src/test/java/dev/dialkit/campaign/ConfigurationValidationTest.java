package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigurationValidationTest {

  @Test
  void concurrencyLimitsNameTheFieldAndTheValue() {
    assertThatThrownBy(() -> ConcurrencyPolicy.builder().perTenant(0))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("perTenant must be >= 1, was 0")
        .extracting("field", "value")
        .containsExactly("perTenant", "0");
    assertThatThrownBy(() -> ConcurrencyPolicy.builder().global(-3))
        .hasMessage("global must be >= 1, was -3");
    assertThatThrownBy(() -> ConcurrencyPolicy.builder().perCampaign(0))
        .hasMessage("perCampaign must be >= 1, was 0");
  }

  private static CampaignSpec.Builder valid() {
    return CampaignSpec.builder()
        .name("Q1 push")
        .agent(Agent.answerUrl("https://agent.example/answer"))
        .callerIds("+14155550199");
  }

  @Test
  void campaignSpecRejectsBadSettings() {
    assertThatThrownBy(() -> valid().name("  ").build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("name must not be blank, was '  '");
    assertThatThrownBy(() -> valid().name(null).build())
        .hasMessage("name must not be blank, was null");
    assertThatThrownBy(() -> valid().ringTimeout(Duration.ofSeconds(-5)).build())
        .hasMessage("ringTimeout must be between PT5S and PT10M, was PT-5S");
    assertThatThrownBy(() -> valid().maxConcurrentCalls(0).build())
        .hasMessage("maxConcurrentCalls must be >= 1, was 0");
    assertThatThrownBy(() -> valid().agent(null).build()).hasMessage("agent is required, was null");
    assertThatThrownBy(
            () ->
                CampaignSpec.builder()
                    .name("x")
                    .agent(Agent.answerUrl("https://agent.example/answer"))
                    .build())
        .hasMessageStartingWith("callerIds must hold at least one number");
    assertThatThrownBy(() -> valid().callerIds("+14155550199").build())
        .hasMessageStartingWith("callerIds must not repeat a number");
  }

  @Test
  void retryPolicyRejectsBadSettings() {
    assertThatThrownBy(() -> RetryPolicy.noAnswerAndBusy(0, Duration.ofMinutes(1)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> RetryPolicy.noAnswerAndBusy(3, Duration.ofSeconds(-1)))
        .hasMessage("backoff must be >= 0, was PT-1S");
  }

  @Test
  void theFencingSettingsNameTheFieldAndTheValue() {
    assertThatThrownBy(() -> CampaignDialer.builder().permitTimeout(Duration.ofMillis(50)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("permitTimeout must be between PT0.1S and PT1M, was PT0.05S");
    assertThatThrownBy(() -> CampaignDialer.builder().permitTimeout(null))
        .hasMessage("permitTimeout must be between PT0.1S and PT1M, was null");
    assertThatThrownBy(() -> CampaignDialer.builder().recoveryGrace(Duration.ofSeconds(-1)))
        .hasMessage("recoveryGrace must be between PT0S and PT1H, was PT-1S");
    assertThatThrownBy(() -> CampaignDialer.builder().statusQueriesPerSecond(0))
        .hasMessage("statusQueriesPerSecond must be more than 0 and at most 1000, was 0.0");
    assertThatThrownBy(() -> CampaignDialer.builder().statusQueriesPerSecond(Double.NaN))
        .hasMessage("statusQueriesPerSecond must be more than 0 and at most 1000, was NaN");
  }

  @Test
  void dialerNeedsAStoreAndAProvider() {
    assertThatThrownBy(() -> CampaignDialer.builder().build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("store is required, was null");
    assertThatThrownBy(() -> CampaignDialer.builder().store(null))
        .hasMessage("store is required, was null");
    assertThatThrownBy(() -> CampaignDialer.builder().store(CampaignStore.inMemory()).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("provider is required (add at least one), was null");
    assertThatThrownBy(() -> CampaignDialer.builder().pollInterval(Duration.ZERO))
        .hasMessage("pollInterval must be between PT0.01S and PT1M, was PT0S");
    assertThatThrownBy(() -> CampaignDialer.builder().leaseTtl(Duration.ofMillis(-1)))
        .hasMessageStartingWith("leaseTtl must be between");
    assertThatThrownBy(() -> CampaignDialer.builder().maxWebhookBodyBytes(10))
        .hasMessage("maxWebhookBodyBytes must be between 1024 and 16777216, was 10");
    assertThatThrownBy(() -> CampaignDialer.builder().instanceId("has space"))
        .hasMessageStartingWith("instanceId must be");
  }
}
