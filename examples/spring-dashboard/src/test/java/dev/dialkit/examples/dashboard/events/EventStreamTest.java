package dev.dialkit.examples.dashboard.events;

import static dev.dialkit.examples.dashboard.Fixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dialkit.examples.dashboard.DashboardAppTest;
import dev.dialkit.examples.dashboard.Fixtures;
import dev.dialkit.examples.dashboard.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/events} over HTTP: typed events of the tenant's campaigns as JSON. */
@DashboardAppTest
class EventStreamTest {
  @LocalServerPort int port;

  @Test
  void aTenantsStreamCarriesItsCallsAndProgressAsTypedJson() throws Exception {
    Http http = new Http(port);
    String tenant = newTenant("sse");
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/events?tenant=" + tenant))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<java.io.InputStream> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");

    String campaign = Fixtures.startedCampaign(http, tenant, 2, 2);

    // the stream never ends by itself: a stream that lacks the events fails here, not hangs
    assertTimeoutPreemptively(
        Http.PATIENCE, () -> readUntilCallAndProgress(response, tenant, campaign));
  }

  private static void readUntilCallAndProgress(
      HttpResponse<java.io.InputStream> response, String tenant, String campaign)
      throws java.io.IOException {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String name = null;
      boolean sawCall = false;
      boolean sawProgress = false;
      String line;
      while (!(sawCall && sawProgress) && (line = lines.readLine()) != null) {
        if (line.startsWith("event:")) {
          name = line.substring("event:".length());
        } else if (line.startsWith("data:")) {
          String data = line.substring("data:".length());
          assertThat(data).contains("\"tenant\":\"" + tenant + "\"").contains(campaign);
          sawCall |= "CallUpdated".equals(name) && data.contains("\"call\":{");
          sawProgress |= "ProgressUpdated".equals(name) && data.contains("\"progress\":{");
        }
      }
      assertThat(sawCall).isTrue();
      assertThat(sawProgress).isTrue();
    }
  }

  @Test
  void theStreamNeedsAValidTenant() {
    Http http = new Http(port);

    assertThat(http.get(null, "/api/events").status()).isEqualTo(400);
    assertThat(http.get(null, "/api/events?tenant=a%20b").status()).isEqualTo(400);
  }
}
