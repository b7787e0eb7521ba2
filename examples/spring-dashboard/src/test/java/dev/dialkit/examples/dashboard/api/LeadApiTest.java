package dev.dialkit.examples.dashboard.api;

import static dev.dialkit.examples.dashboard.Fixtures.createCampaign;
import static dev.dialkit.examples.dashboard.Fixtures.newTenant;
import static dev.dialkit.examples.dashboard.Fixtures.number;
import static dev.dialkit.examples.dashboard.api.CampaignApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.examples.dashboard.DashboardAppTest;
import dev.dialkit.examples.dashboard.Fixtures;
import dev.dialkit.examples.dashboard.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Leads as JSON and CSV, the lead list and a lead's dial decision. */
@DashboardAppTest
class LeadApiTest {
  @LocalServerPort int port;
  Http http;
  String tenant;
  String campaign;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    tenant = newTenant("leads");
    campaign = createCampaign(http, tenant, "Leads", 1);
  }

  @Test
  void jsonLeadsAreAddedAndDuplicatesReported() {
    String body =
        """
        [{"phone": "%s", "name": "Ada", "variables": {"plan": "gold"}},
         {"phone": "%s", "name": "Grace", "timeZone": "America/New_York", "priority": 5},
         {"phone": "%s", "name": "Ada again"}]
        """
            .formatted(number(0), number(1), number(0));

    Http.Response response = http.postJson(tenant, leads(), body);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("inserted").asInt()).isEqualTo(2);
    assertThat(response.json().get("duplicates").asInt()).isEqualTo(1);
  }

  @Test
  void aBadJsonLeadIsA422NamingItsRowAndField() {
    String body = "[{\"phone\": \"%s\"}, {\"phone\": \"12\"}]".formatted(number(0));

    Http.Response response = http.postJson(tenant, leads(), body);

    assertProblem(response, 422, "invalid-lead");
    assertThat(response.json().get("row").asInt()).isEqualTo(2);
    assertThat(response.json().get("field").asText()).isEqualTo("phone");
    assertThat(http.get(tenant, leads()).json().get("total").asInt()).isZero(); // all or nothing
  }

  @Test
  void aCsvUploadReportsItsRejectedRowsAndAddsTheOthers() {
    String csv = "phone,name\n" + number(0) + ",Ada\nnot-a-number,Bob\n" + number(1) + ",Cy\n";

    Http.Response response = http.postCsv(tenant, leads(), csv);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.get("rowsRead").asInt()).isEqualTo(3);
    assertThat(result.get("inserted").asInt()).isEqualTo(2);
    JsonNode rejected = result.get("rejectedRows").get(0);
    assertThat(rejected.get("line").asInt()).isEqualTo(3);
    assertThat(rejected.get("reason").asText()).isEqualTo("INVALID");
    assertThat(rejected.get("column").asText()).isEqualTo("phone");
    // the raw fields hold full numbers: never echoed
    assertThat(response.body()).doesNotContain(number(0), number(1), "fields");
  }

  @Test
  void aCsvWithoutAPhoneColumnIsA422() {
    Http.Response response = http.postCsv(tenant, leads(), "name,email\nAda,ada@example.com\n");

    assertProblem(response, 422, "csv-import");
    assertThat(response.json().get("problem").asText()).isEqualTo("BAD_HEADER");
  }

  @Test
  void leadsCannotBeAddedToACanceledCampaign() {
    http.post(tenant, "/api/campaigns/" + campaign + "/cancel");

    assertProblem(http.postCsv(tenant, leads(), Fixtures.csv(1)), 409, "illegal-campaign-state");
  }

  @Test
  void theLeadListShowsNumbersMasked() {
    http.postCsv(tenant, leads(), Fixtures.csv(3));

    Http.Response response = http.get(tenant, leads() + "?size=2");

    assertThat(response.json().get("total").asInt()).isEqualTo(3);
    assertThat(response.json().get("items")).hasSize(2);
    assertThat(response.json().get("items").get(0).get("phone").asText())
        .endsWith("0000")
        .startsWith("*");
    assertThat(response.body()).doesNotContain(number(0), number(1));
  }

  @Test
  void aLeadsDecisionSaysWhyItWaits() {
    http.postCsv(tenant, leads(), Fixtures.csv(1));
    String lead = http.get(tenant, leads()).json().get("items").get(0).get("id").asText();

    Http.Response decision = http.get(tenant, "/api/leads/" + lead + "/decision");

    assertThat(decision.status()).as(decision.body()).isEqualTo(200);
    assertThat(decision.json().get("kind").asText()).isEqualTo("DEFERRED");
    assertThat(decision.json().get("reason").asText()).isEqualTo("CAMPAIGN_NOT_STARTED");
    assertProblem(http.get("globex", "/api/leads/" + lead + "/decision"), 404, "lead-not-found");
    assertProblem(http.get(tenant, "/api/leads/ld-nobody/decision"), 404, "lead-not-found");
  }

  @Test
  void aLeadIsReadByItsTenantOnly() {
    http.postCsv(tenant, leads(), Fixtures.csv(1));
    String lead = http.get(tenant, leads()).json().get("items").get(0).get("id").asText();

    Http.Response response = http.get(tenant, "/api/leads/" + lead);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("name").asText()).isEqualTo("Lead 1");
    assertThat(response.json().get("state").asText()).isEqualTo("QUEUED");
    assertThat(response.body()).doesNotContain(number(0));
    assertProblem(http.get("globex", "/api/leads/" + lead), 404, "lead-not-found");
  }

  private String leads() {
    return "/api/campaigns/" + campaign + "/leads";
  }
}
