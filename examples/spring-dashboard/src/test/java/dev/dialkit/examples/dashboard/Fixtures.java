package dev.dialkit.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Campaigns and leads the tests create through the API. */
public final class Fixtures {
  private Fixtures() {}

  /** A tenant no other test uses: tests share one running app. */
  public static String newTenant(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The JSON of a campaign with {@code maxConcurrentCalls} and no retries. */
  public static String campaignJson(String name, int maxConcurrentCalls) {
    return """
        {"name": "%s", "agent": {"kind": "ANSWER_URL", "target": "https://agent.example.com/a"},
         "callerIds": ["+14155550100"], "maxConcurrentCalls": %d}
        """
        .formatted(name, maxConcurrentCalls);
  }

  /** Creates a draft campaign and returns its id. */
  public static String createCampaign(Http http, String tenant, String name, int maxConcurrent) {
    Http.Response created =
        http.postJson(tenant, "/api/campaigns", campaignJson(name, maxConcurrent));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  /** A CSV of {@code n} valid leads, from line 2 on, numbers {@code +12123xxxxxx}. */
  public static String csv(int n) {
    StringBuilder csv = new StringBuilder("phone,name\n");
    for (int i = 0; i < n; i++) {
      csv.append(number(i)).append(",Lead ").append(i + 1).append('\n');
    }
    return csv.toString();
  }

  /** The {@code i}-th lead number of {@link #csv}. */
  public static String number(int i) {
    return String.format("+1212%07d", 3_000_000 + i);
  }

  /** Creates a campaign with {@code leads} leads and starts it; returns its id. */
  public static String startedCampaign(Http http, String tenant, int leads, int maxConcurrent) {
    String id = createCampaign(http, tenant, "Started", maxConcurrent);
    Http.Response added = http.postCsv(tenant, "/api/campaigns/" + id + "/leads", csv(leads));
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(http.post(tenant, "/api/campaigns/" + id + "/start").status()).isEqualTo(200);
    return id;
  }
}
