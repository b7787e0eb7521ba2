package dev.dialkit.provider.plivo;

import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_ID;
import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.plivo.PlivoPayloads.CALLBACK_BASE;
import static dev.dialkit.provider.plivo.PlivoPayloads.MAIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bad settings fail when the provider is built, naming the field and never a secret. */
class PlivoConfigurationTest {
  private static PlivoProviderBuilder valid() {
    return PlivoProvider.builder()
        .authId(AUTH_ID)
        .authToken(AUTH_TOKEN)
        .callbackBaseUrl(CALLBACK_BASE);
  }

  private static void rejects(String field, Supplier<?> build) {
    assertThatThrownBy(build::get)
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).doesNotContain(AUTH_TOKEN).doesNotContain(MAIN_TOKEN);
            });
  }

  @Test
  void defaults() {
    PlivoProvider p = valid().build();
    assertThat(p.name()).isEqualTo("plivo");
    assertThat(p.callsPerSecond()).isEqualTo(2.0);
    assertThat(p.capabilities().signsWebhooks()).isTrue();
    assertThat(p.capabilities().recording()).isFalse();
    assertThat(p.toString()).contains(AUTH_ID).doesNotContain(AUTH_TOKEN);
    assertThat(valid().mainAccountAuthToken(MAIN_TOKEN).build().toString())
        .doesNotContain(MAIN_TOKEN);
  }

  @Test
  void missingCredentialsOrCallbackUrl() {
    rejects(
        "authId",
        () -> PlivoProvider.builder().authToken(AUTH_TOKEN).callbackBaseUrl(CALLBACK_BASE).build());
    rejects(
        "authToken",
        () -> PlivoProvider.builder().authId(AUTH_ID).callbackBaseUrl(CALLBACK_BASE).build());
    rejects(
        "callbackBaseUrl",
        () -> PlivoProvider.builder().authId(AUTH_ID).authToken(AUTH_TOKEN).build());
    rejects("authToken", () -> valid().authToken(" "));
    rejects("mainAccountAuthToken", () -> valid().mainAccountAuthToken(""));
    rejects("authId", () -> valid().authId("MA/../x"));
  }

  @Test
  void callbackUrlMustBeAbsoluteHttps() {
    rejects("callbackBaseUrl", () -> valid().callbackBaseUrl("/webhooks/plivo"));
    rejects("callbackBaseUrl", () -> valid().callbackBaseUrl("http://dialer.example.com/w"));
    rejects("callbackBaseUrl", () -> valid().callbackBaseUrl("ftp://dialer.example.com/w"));
    rejects("callbackBaseUrl", () -> valid().callbackBaseUrl("https://u:p@dialer.example.com/w"));
    rejects("callbackBaseUrl", () -> valid().callbackBaseUrl("https://dialer.example.com/w#x"));
    assertThat(valid().callbackBaseUrl("http://localhost:8080/w").build()).isNotNull();
  }

  @Test
  void rangesAreChecked() {
    rejects("callsPerSecond", () -> valid().callsPerSecond(0));
    rejects("requestTimeout", () -> valid().requestTimeout(Duration.ofMillis(5)));
    rejects("baseUrl", () -> valid().baseUrl("api.plivo.com"));
    rejects("publicBaseUrl", () -> valid().publicBaseUrl("dialer"));
    rejects("name", () -> valid().name("plivo india"));
    rejects("timeZone", () -> valid().timeZone(null));
    assertThat(valid().callsPerSecond(2.5).build().callsPerSecond()).isEqualTo(2.5);
  }
}
