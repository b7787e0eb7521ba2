package dev.dialkit.examples.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.examples.dashboard.DashboardAppTest;
import dev.dialkit.examples.dashboard.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webhook endpoint the demo provider posts to checks Dialkit's token before anything else: a
 * callback that names a call without the token Dialkit gave it changes nothing.
 */
@DashboardAppTest
class DemoWebhookEndpointTest {
  private static final String BODY = "CallSid=DEMO1&CallStatus=completed&CallDuration=30";

  @LocalServerPort int port;

  @Test
  void aCallbackWithoutItsTokenIsRefused() {
    Http http = new Http(port);
    String query = "?dialkit_provider=demo&dialkit_tenant=demo&dialkit_call=ld-x.1";

    Http.Response missing = post(http, query);
    Http.Response forged =
        post(http, query + "&dialkit_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    assertThat(missing.status()).isEqualTo(403);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).doesNotContain("AAAAAAAA");
  }

  private static Http.Response post(Http http, String query) {
    return http.send(
        null, "/dialkit/webhooks/demo" + query, "POST", "application/x-www-form-urlencoded", BODY);
  }
}
