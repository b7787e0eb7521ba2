package dev.dialkit.provider.bolna;

import static dev.dialkit.provider.bolna.BolnaPayloads.API_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bad settings fail when the provider is built, naming the field and never the key. */
class BolnaConfigurationTest {
  private static BolnaProviderBuilder valid() {
    return BolnaProvider.builder().apiKey(API_KEY);
  }

  private static void rejects(String field, Supplier<?> build) {
    assertThatThrownBy(build::get)
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).doesNotContain(API_KEY);
            });
  }

  @Test
  void defaults() {
    BolnaProvider p = valid().build();
    assertThat(p.name()).isEqualTo("bolna");
    assertThat(p.callsPerSecond()).isEqualTo(BolnaProviderBuilder.DEFAULT_CALLS_PER_SECOND);
    assertThat(p.capabilities().signsWebhooks()).isFalse();
    assertThat(p.capabilities().hangUp()).isFalse();
    assertThat(p.capabilities().statusQuery()).isTrue();
    assertThat(p.capabilities().progressEvents()).isTrue();
    assertThat(p.toString()).contains("https://api.bolna.ai").doesNotContain(API_KEY);
  }

  @Test
  void badSettingsNameTheirField() {
    rejects("apiKey", () -> BolnaProvider.builder().build());
    rejects("apiKey", () -> valid().apiKey(" "));
    rejects("apiKey", () -> valid().apiKey("bn-key with space " + API_KEY));
    rejects("agentId", () -> valid().agentId("not/an/id"));
    rejects("baseUrl", () -> valid().baseUrl("ftp://api.bolna.ai"));
    rejects("requestTimeout", () -> valid().requestTimeout(Duration.ofMinutes(6)));
    rejects("callsPerSecond", () -> valid().callsPerSecond(0));
    rejects("name", () -> valid().name("bol na"));
    rejects("httpClient", () -> valid().httpClient(null));
  }

  @Test
  void theBaseUrlKeepsOnlyItsOrigin() {
    assertThat(valid().baseUrl("https://bolna.test:8443/ignored/path").build().toString())
        .contains("baseUrl=https://bolna.test:8443,");
  }
}
