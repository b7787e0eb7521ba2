package dev.dialkit.examples.dashboard.api;

import static dev.dialkit.examples.dashboard.Fixtures.createCampaign;
import static dev.dialkit.examples.dashboard.Fixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.examples.dashboard.DashboardAppTest;
import dev.dialkit.examples.dashboard.Fixtures;
import dev.dialkit.examples.dashboard.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The campaign endpoints over HTTP: each operation, and its errors as problem details. */
@DashboardAppTest
class CampaignApiTest {
  @LocalServerPort int port;
  Http http;
  String tenant;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    tenant = newTenant("acme");
  }

  @Test
  void createsACampaignAndListsIt() {
    Http.Response created =
        http.postJson(tenant, "/api/campaigns", Fixtures.campaignJson("Renewals", 3));

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").asText(); // a plain string, not {"value": ...}
    assertThat(created.header("Location")).isEqualTo("/api/campaigns/" + id);
    assertThat(created.json().get("status").asText()).isEqualTo("DRAFT");
    assertThat(created.json().get("maxConcurrentCalls").asInt()).isEqualTo(3);
    JsonNode list = http.get(tenant, "/api/campaigns").json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("name").asText()).isEqualTo("Renewals");
    assertThat(http.get(tenant, "/api/campaigns/" + id).json().get("id").asText()).isEqualTo(id);
  }

  @Test
  void aBadSpecIsA400NamingTheField() {
    Http.Response response =
        http.postJson(
            tenant,
            "/api/campaigns",
            "{\"name\": \"No caller ids\", \"agent\": {\"target\": \"https://a.example.com/\"}}");

    assertProblem(response, 400, "invalid-configuration");
    assertThat(response.json().get("field").asText()).isEqualTo("callerIds");
  }

  @Test
  void malformedJsonIsA400ProblemWithoutInternals() {
    Http.Response response = http.postJson(tenant, "/api/campaigns", "{\"name\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.body()).doesNotContain("jackson", "Exception", "\tat ");
  }

  @Test
  void theTenantHeaderIsRequiredAndValidated() {
    Http.Response missing = http.get(null, "/api/campaigns");
    Http.Response invalid = http.get("bad tenant!", "/api/campaigns");

    assertProblem(missing, 400, "invalid-request");
    assertThat(missing.json().get("field").asText()).isEqualTo("X-Dialkit-Tenant");
    assertProblem(invalid, 400, "invalid-request");
    assertThat(invalid.json().get("detail").asText()).contains("tenant id must be");
  }

  @Test
  void anotherTenantsCampaignIsNotFoundAndNotDescribed() {
    String id = createCampaign(http, tenant, "Secret plans", 1);

    for (String path : new String[] {"", "/progress", "/log", "/active-calls", "/leads"}) {
      Http.Response response = http.get("globex", "/api/campaigns/" + id + path);
      assertProblem(response, 404, "campaign-not-found");
      assertThat(response.body()).doesNotContain("Secret plans", tenant);
    }
    assertProblem(
        http.post("globex", "/api/campaigns/" + id + "/start"), 404, "campaign-not-found");
    assertThat(http.get("globex", "/api/campaigns").json()).isEmpty();
  }

  @Test
  void aBadCampaignIdIsA400() {
    Http.Response response = http.get(tenant, "/api/campaigns/bad%20id!/progress");

    assertProblem(response, 400, "invalid-request");
    assertThat(response.json().get("field").asText()).isEqualTo("campaignId");
  }

  @Test
  void startPauseResumeAndCancelMoveTheCampaign() {
    String id = Fixtures.startedCampaign(http, tenant, 30, 1);
    String path = "/api/campaigns/" + id;

    assertThat(status(http.post(tenant, path + "/pause"))).isEqualTo("PAUSED");
    assertThat(status(http.post(tenant, path + "/resume"))).isEqualTo("RUNNING");
    assertThat(status(http.post(tenant, path + "/cancel?hangUp=true"))).isEqualTo("CANCELED");
    assertThat(http.get(tenant, path + "/progress").json().get("status").asText())
        .isEqualTo("CANCELED");
  }

  @Test
  void anOperationTheStatusForbidsIsA409WithTheStatus() {
    String id = createCampaign(http, tenant, "Draft", 1);

    Http.Response response = http.post(tenant, "/api/campaigns/" + id + "/pause");

    assertProblem(response, 409, "illegal-campaign-state");
    assertThat(response.json().get("campaignStatus").asText()).isEqualTo("DRAFT");
    assertThat(response.json().get("expected").toString()).contains("RUNNING");
    assertThat(response.json().get("status").asInt()).isEqualTo(409);
  }

  @Test
  void theCallLogIsPagedAndItsPageSizeChecked() {
    String id = Fixtures.startedCampaign(http, tenant, 5, 2);
    String log = "/api/campaigns/" + id + "/log";
    http.await(
        tenant,
        "/api/campaigns/" + id + "/progress",
        p -> p.get("status").asText().equals("COMPLETED"));

    JsonNode first = http.get(tenant, log + "?page=0&size=3").json();
    JsonNode second = http.get(tenant, log + "?page=1&size=3").json();
    JsonNode tail = http.get(tenant, log + "?after=" + first.get("nextCursor").asLong()).json();

    assertThat(first.get("items")).hasSize(3);
    assertThat(first.get("total").asLong()).isGreaterThan(6);
    assertThat(second.get("items").get(0).get("sequence").asLong())
        .isGreaterThan(first.get("items").get(2).get("sequence").asLong());
    assertThat(tail.get("items").get(0).get("sequence").asLong())
        .isEqualTo(second.get("items").get(0).get("sequence").asLong());
    assertProblem(http.get(tenant, log + "?size=0"), 400, "invalid-request");
    assertProblem(http.get(tenant, log + "?size=201"), 400, "invalid-request");
    assertProblem(http.get(tenant, log + "?page=-1"), 400, "invalid-request");
  }

  @Test
  void progressCountsTheCampaignsCalls() {
    String id = Fixtures.startedCampaign(http, tenant, 8, 4);

    JsonNode p =
        http.await(
            tenant,
            "/api/campaigns/" + id + "/progress",
            json -> json.get("status").asText().equals("COMPLETED"));

    assertThat(p.get("total").asInt()).isEqualTo(8);
    assertThat(p.get("done").asInt() + p.get("failed").asInt()).isEqualTo(8);
    long outcomes = 0;
    for (String k : new String[] {"completed", "voicemail", "busy", "noAnswer", "callsFailed"}) {
      outcomes += p.get(k).asLong();
    }
    assertThat(outcomes).isEqualTo(p.get("callsEnded").asLong()).isEqualTo(8);
    assertThat(http.get(tenant, "/api/campaigns/" + id + "/active-calls").json()).isEmpty();
  }

  static String status(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("status").asText();
  }

  static void assertProblem(Http.Response response, int status, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("type").asText()).isEqualTo("urn:dialkit:problem:" + type);
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("\tat ", "Exception:");
  }
}
