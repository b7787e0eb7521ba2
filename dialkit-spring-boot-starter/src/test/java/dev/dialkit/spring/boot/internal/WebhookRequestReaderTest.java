package dev.dialkit.spring.boot.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The URL, headers and body a webhook is verified against. */
class WebhookRequestReaderTest {
  private static final String QUERY = "dialkit_call=c%2B1&dialkit_tenant=acme&x=%7E";

  private static MockHttpServletRequest received() {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/app/dialkit/webhooks/twilio");
    request.setScheme("http");
    request.setServerName("10.0.0.7");
    request.setServerPort(8080);
    request.setQueryString(QUERY);
    request.addHeader("X-Forwarded-Proto", "https");
    request.addHeader("X-Forwarded-Host", "hooks.example.com");
    request.addHeader("X-Multi", "a");
    request.addHeader("X-Multi", "b");
    request.setContent("CallSid=CA1&CallStatus=ringing".getBytes(StandardCharsets.UTF_8));
    return request;
  }

  @Test
  void thePublicBaseUrlReplacesWhatTheServerSawKeepingPathAndRawQueryExactly() throws Exception {
    WebhookRequest webhook =
        new WebhookRequestReader("https://dialer.example.com/", false, 1024).from(received());

    assertThat(webhook.url().toString())
        .isEqualTo("https://dialer.example.com/app/dialkit/webhooks/twilio?" + QUERY);
    assertThat(webhook.body()).isEqualTo("CallSid=CA1&CallStatus=ringing");
    assertThat(webhook.headers().get("x-multi")).containsExactly("a", "b");
  }

  @Test
  void forwardedHeadersAreIgnoredUnlessTrusted() throws Exception {
    assertThat(new WebhookRequestReader(null, false, 1024).from(received()).url().toString())
        .startsWith("http://10.0.0.7:8080/app/");
    assertThat(new WebhookRequestReader(null, true, 1024).from(received()).url().toString())
        .startsWith("https://hooks.example.com/app/");
  }

  @Test
  void theOwnOriginLeavesOutADefaultPort() throws Exception {
    MockHttpServletRequest request = received();
    request.setScheme("https");
    request.setServerPort(443);

    assertThat(new WebhookRequestReader(null, false, 1024).from(request).url().toString())
        .startsWith("https://10.0.0.7/app/");
  }

  @Test
  void aBodyOverTheLimitIsRefusedByItsLengthOrWhileReading() {
    MockHttpServletRequest request = received();
    request.setContent(new byte[1025]);
    assertThatThrownBy(() -> new WebhookRequestReader(null, false, 1024).from(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(413));
  }

  @Test
  void aMalformedForwardedHostIsIgnoredEvenWhenTrusted() throws Exception {
    MockHttpServletRequest request = received();
    request.removeHeader("X-Forwarded-Host");
    request.addHeader("X-Forwarded-Host", "evil host/");

    assertThat(new WebhookRequestReader(null, true, 1024).from(request).url().getHost())
        .isEqualTo("10.0.0.7");
  }

  @Test
  void aBadPublicBaseUrlIsRefusedNamingTheProperty() {
    assertThatThrownBy(() -> new WebhookRequestReader("https://x.example.com/?a=1", false, 1024))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("dialkit.public-base-url");
    assertThatThrownBy(() -> new WebhookRequestReader("dialer.example.com", false, 1024))
        .hasMessageContaining("dialkit.public-base-url");
  }
}
