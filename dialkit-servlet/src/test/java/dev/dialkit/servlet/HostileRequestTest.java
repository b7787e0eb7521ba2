package dev.dialkit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.provider.twilio.TwilioProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeded junk in the request line, the headers and the body, against the real dialer's route: the
 * answer is always a 2xx or a 4xx, never a 500, whatever part the container or Dialkit refuses.
 */
@ExtendWith(TestServer.class)
class HostileRequestTest {
  private static CampaignDialer dialer;

  /** A dialer with the Twilio provider and no calls: every junk request is Dialkit's to refuse. */
  @BeforeAll
  static void dialer() {
    dialer =
        CampaignDialer.builder()
            .store(CampaignStore.inMemory())
            .provider(
                TwilioProvider.builder()
                    .accountSid(FakeTwilioApi.ACCOUNT_SID)
                    .authToken(FakeTwilioApi.AUTH_TOKEN)
                    .callbackBaseUrl(TestServer.DIALER_PUBLIC_BASE + "/dialkit/webhooks/twilio")
                    .baseUrl("http://localhost:" + TestServer.port())
                    .build())
            .build();
    TestServer.DIALER_WEBHOOKS.set(dialer.webhooks());
  }

  @AfterAll
  static void close() {
    dialer.close();
  }

  private static final List<String> PIECES =
      List.of(
          "%",
          "%zz",
          "%00",
          "%ff%fe",
          "?",
          "&",
          "=",
          "#",
          "..",
          "/",
          "\\",
          "\"",
          "<",
          "{",
          "\u00e9",
          "dialkit_provider=twilio",
          "dialkit_tenant=",
          "dialkit_call=ld-1.1",
          "dialkit_tenant=a%0ab",
          "%2B14155550123",
          " ",
          ";",
          "'");

  @Test
  void junkRequestsAreRefusedWithA4xxNeverA500() throws Exception {
    Random random = new Random(15);
    for (int i = 0; i < 60; i++) {
      String query = junk(random, 1 + random.nextInt(6)).replace(" ", "%20");
      String header = junk(random, random.nextInt(4)).replace("\r", "").replace("\n", "");
      byte[] body = new byte[random.nextInt(300)];
      random.nextBytes(body);
      String head =
          (random.nextBoolean() ? "POST" : "GET")
              + " /dialkit/webhooks/twilio?"
              + query
              + " HTTP/1.1\r\nHost: x\r\nX-Twilio-Signature: "
              + header
              + "\r\nContent-Type: "
              + (random.nextBoolean() ? "application/x-www-form-urlencoded" : "application/json")
              + "\r\nContent-Length: "
              + body.length;
      RawHttp.Response response = RawHttp.send(TestServer.port(), head, body, false);
      assertThat(response.status())
          .as(
              "request %d: %s",
              i, new String(head.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .isBetween(200, 499);
    }
  }

  private static String junk(Random random, int pieces) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      s.append(PIECES.get(random.nextInt(PIECES.size())));
    }
    return s.toString();
  }
}
