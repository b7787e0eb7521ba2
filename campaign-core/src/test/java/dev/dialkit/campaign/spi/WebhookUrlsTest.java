package dev.dialkit.campaign.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookUrlsTest {
  @Test
  void aProxiedRequestIsCheckedAgainstThePublicUrl() {
    URI received = URI.create("http://10.0.0.7:8080/hooks/twilio?dialkit_call=ld-1.1&x=a%20b");
    URI called = WebhookUrls.asCalled(received, URI.create("https://calls.example.com"));
    assertThat(called.toString())
        .isEqualTo("https://calls.example.com/hooks/twilio?dialkit_call=ld-1.1&x=a%20b");
    assertThat(WebhookUrls.asCalled(received, null)).isEqualTo(received);
  }

  @Test
  void theDefaultPortIsTriedBothWays() {
    assertThat(WebhookUrls.candidates(URI.create("https://mycompany.com/myapp.php?foo=1&bar=2")))
        .containsExactly(
            "https://mycompany.com/myapp.php?foo=1&bar=2",
            "https://mycompany.com:443/myapp.php?foo=1&bar=2");
    assertThat(WebhookUrls.candidates(URI.create("https://mycompany.com:443/myapp.php")))
        .containsExactly("https://mycompany.com:443/myapp.php", "https://mycompany.com/myapp.php");
    assertThat(WebhookUrls.candidates(URI.create("http://localhost/cb")))
        .containsExactly("http://localhost/cb", "http://localhost:80/cb");
    assertThat(WebhookUrls.candidates(URI.create("https://h.example:8443/cb")))
        .as("a non-default port is what it is")
        .containsExactly("https://h.example:8443/cb");
  }
}
