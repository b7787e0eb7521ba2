package dev.dialkit.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookServletBuilderTest {
  private static final Webhooks OK = request -> WebhookResponse.ok();

  @Test
  void webhooksAndPublicBaseUrlAreRequired() {
    assertThatThrownBy(() -> WebhookServlet.builder().publicBaseUrl("https://a.example").build())
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class, e -> assertThat(e.field()).isEqualTo("webhooks"));
    assertThatThrownBy(() -> WebhookServlet.builder().webhooks(OK).build())
        .isInstanceOfSatisfying(
            InvalidConfigurationException.class,
            e -> assertThat(e.field()).isEqualTo("publicBaseUrl"));
  }

  @Test
  void aPublicBaseUrlMustBeAnAbsoluteHttpUrlWithoutQueryFragmentOrUserInfo() {
    for (String bad :
        List.of(
            "/relative",
            "ftp://files.example.com",
            "https://a.example/p?x=1",
            "https://a.example/#f",
            "https://user:pw@a.example",
            "not a url")) {
      assertThatThrownBy(() -> WebhookServlet.builder().publicBaseUrl(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidConfigurationException.class,
              e -> assertThat(e.field()).isEqualTo("publicBaseUrl"));
    }
    assertThatThrownBy(
            () -> WebhookServlet.builder().publicBaseUrl("https://user:s3cret@a.example"))
        .as("a password in the URL is not echoed")
        .hasMessageNotContaining("s3cret");
    assertThat(
            WebhookServlet.builder()
                .webhooks(OK)
                .publicBaseUrl("HTTPS://Calls.example.com:8443/api//")
                .build()
                .toString())
        .contains("publicBaseUrl=https://Calls.example.com:8443/api/");
  }

  @Test
  void maxBodyBytesDefaultsToTheDialersCapAndIsRangeChecked() {
    assertThat(WebhookServlet.DEFAULT_MAX_BODY_BYTES)
        .isEqualTo(CampaignDialerBuilder.DEFAULT_MAX_WEBHOOK_BODY_BYTES);
    assertThatThrownBy(() -> WebhookServlet.builder().maxBodyBytes(1023))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("maxBodyBytes must be between 1024 and 16777216, was 1023");
    assertThatThrownBy(() -> WebhookServlet.builder().maxBodyBytes(16 * 1024 * 1024 + 1))
        .isInstanceOf(InvalidConfigurationException.class);
  }
}
