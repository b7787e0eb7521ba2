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
}
