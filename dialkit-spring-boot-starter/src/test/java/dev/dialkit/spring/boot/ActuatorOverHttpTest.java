package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code /actuator/health} shows the dialer's health with its details. */
class ActuatorOverHttpTest extends WebTestBase {

  @Test
  void theHealthEndpointShowsTheDialkitComponent() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/dialkit"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode dialkit = new ObjectMapper().readTree(response.body());
    assertThat(dialkit.get("status").asText()).isEqualTo("UP");
    assertThat(dialkit.at("/details/storeReachable").asBoolean()).isTrue();
    assertThat(dialkit.at("/details/circuitBreakers/twilio").asText()).isEqualTo("CLOSED");
  }
}
