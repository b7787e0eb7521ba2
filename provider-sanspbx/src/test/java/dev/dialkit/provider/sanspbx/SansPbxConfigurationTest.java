package dev.dialkit.provider.sanspbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SansPbxConfigurationTest {
  private static SansPbxProviderBuilder valid() {
    return SansPbxProvider.builder()
        .apiUrl("https://pbx.example.in")
        .accessToken("access-token-secret")
        .accessKey("access-key-secret")
        .callbackBaseUrl("https://calls.example.com/webhooks/sanspbx");
  }

  private static void refused(Consumer<SansPbxProviderBuilder> setting, String message) {
    assertThatThrownBy(() -> setting.accept(valid()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(message);
  }

  @Test
  void theDefaultsAreDocumentedAndTheApiPathIsAppended() {
    SansPbxProvider p = valid().build();
    assertThat(p.name()).isEqualTo("sanspbx");
    assertThat(p.callsPerSecond()).isEqualTo(1);
    assertThat(p.toString())
        .contains("apiUrl=https://pbx.example.in/pbxadmin/sanpbxapi")
        .contains("callbackPlacement=TOP_LEVEL")
        .contains("linkedIdIsCallId=false")
        .doesNotContain("access-token-secret")
        .doesNotContain("access-key-secret");
    assertThat(valid().apiUrl("https://pbx.example.in/custom/api/").build().toString())
        .contains("apiUrl=https://pbx.example.in/custom/api,");
    assertThat(valid().basicAuth("user", "basic-password-secret").build().toString())
        .contains("basicAuth=true")
        .doesNotContain("basic-password-secret");
  }

  @Test
  void requiredSettingsAreNamed() {
    assertThatThrownBy(() -> SansPbxProvider.builder().build())
        .hasMessage("apiUrl is required, was null");
    assertThatThrownBy(() -> SansPbxProvider.builder().apiUrl("https://pbx.example.in").build())
        .hasMessage("accessToken is required, was null");
    assertThatThrownBy(
            () ->
                SansPbxProvider.builder()
                    .apiUrl("https://pbx.example.in")
                    .accessToken("t")
                    .accessKey("k")
                    .build())
        .hasMessage("callbackBaseUrl is required, was null");
  }

  @Test
  void badValuesAreRefusedNamingFieldAndValueButNeverASecret() {
    refused(b -> b.apiUrl("ftp://pbx"), "apiUrl must be an absolute http(s) URL, was ftp://pbx");
    refused(
        b -> b.apiUrl("https://pbx.example.in/api?x=1"),
        "apiUrl must have no query or fragment, was https://pbx.example.in/api?x=1");
    refused(b -> b.accessToken("  "), "accessToken must not be blank, was <blank>");
    refused(b -> b.accessKey(null), "accessKey must not be blank, was null");
    refused(
        b -> b.callbackBaseUrl("http://calls.example.com/x"),
        "callbackBaseUrl must be https (http only for localhost), was http://calls.example.com/x");
    refused(
        b -> b.websocketUrl("https://media.example.com"),
        "websocketUrl must be an absolute ws(s) URL, was https://media.example.com");
    refused(
        b -> b.tokenRefreshMargin(Duration.ofHours(2)),
        "tokenRefreshMargin must be between PT0S and PT1H, was PT2H");
    refused(
        b -> b.tokenFallbackLifetime(Duration.ZERO),
        "tokenFallbackLifetime must be between PT1S and PT24H, was PT0S");
    refused(b -> b.callsPerSecond(0), "callsPerSecond must be > 0 and <= 1000, was 0.0");
    refused(b -> b.numberFormats(null), "numberFormats must not be null, was null");
    refused(b -> b.callbackPlacement(null), "callbackPlacement must not be null, was null");
    assertThatThrownBy(() -> valid().basicAuth("user", " "))
        .hasMessage("basicAuth.password must not be blank, was <blank>");
    assertThatThrownBy(() -> new SansPbxNumberFormats(null, SansPbxNumberFormat.E164))
        .hasMessage("numberFormats.callTo is required, was null");
  }
}
