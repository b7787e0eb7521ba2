package dev.dialkit.examples.dashboard.browser;

import static dev.dialkit.examples.dashboard.Fixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.examples.dashboard.DashboardAppTest;
import dev.dialkit.examples.dashboard.Fixtures;
import dev.dialkit.examples.dashboard.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in headless Chromium against the app in demo mode: what a user sees moves live with
 * the dialer, and what they do through the page holds as the API and the store tell it.
 */
@DashboardAppTest
class DashboardBrowserTest {
  /** The breakdown the page shows, by the progress field it shows. */
  static final List<String> BREAKDOWN =
      List.of(
          "completed", "voicemail", "noAnswer", "busy", "callsFailed", "canceled", "callsPlaced");

  static WebDriver driver;

  @LocalServerPort int port;
  Http http;
  DashboardPage page;

  @BeforeAll
  static void startBrowser() {
    driver = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void setUp() {
    http = new Http(port);
    page = new DashboardPage(driver);
  }

  @Test
  void thePageShowsTheDemoCampaign() {
    page.open(base(), "demo");

    page.waiting()
        .until(d -> page.campaignNames().stream().anyMatch(n -> n.startsWith("Demo campaign")));
    Browser.screenshot(driver, "demo");
  }

  @Test
  void aCampaignMadeInThePageRunsLiveAndPausesForReal() throws IOException {
    String tenant = newTenant("ui");
    page.open(base(), tenant);
    page.createCampaign("Browser campaign", 2);
    String id =
        driver.findElement(org.openqa.selenium.By.id("campaign")).getDomAttribute("data-id");

    // a CSV with one bad row: the page lists it, the other 100 are added
    page.upload(csvWithBadRowAtLine(5, 100));
    assertThat(page.importSummary()).contains("101 rows read: 100 added, 1 rejected");
    assertThat(page.rejectedRow(5).getText()).contains("INVALID", "phone");

    page.click("start");
    page.awaitPercent(p -> p > 0); // moved by the event stream, the page is never reloaded
    page.click("pause");
    page.awaitStatus("PAUSED");
    Instant pausedSeen = Instant.now();
    assertThat(page.percent()).as("paused before the end").isLessThan(100);
    long placedAtPause = progress(tenant, id).get("callsPlaced").asLong();

    // the calls in progress end; their slots free up, and still no call is placed
    http.await(tenant, "/api/campaigns/" + id + "/active-calls", calls -> calls.isEmpty());
    assertThat(progress(tenant, id).get("callsPlaced").asLong()).isEqualTo(placedAtPause);
    assertThat(initiatedAfter(tenant, id, pausedSeen)).isEmpty();
    assertThat(progress(tenant, id).get("status").asText()).isEqualTo("PAUSED");
    page.awaitCounter("callsPlaced", placedAtPause);
    page.awaitCounter("inProgress", progress(tenant, id).get("inProgress").asLong());
    Browser.screenshot(driver, "paused");

    page.click("resume");
    page.awaitStatus("COMPLETED");
    page.awaitPercent(p -> p == 100);
    JsonNode done = progress(tenant, id);
    for (String key : BREAKDOWN) {
      page.awaitCounter(key, done.get(key).asLong());
    }
    assertThat(done.get("callsPlaced").asLong()).isGreaterThan(placedAtPause);
    Browser.screenshot(driver, "dashboard");

    String callId = page.openLatestCallTimeline();
    JsonNode timeline = http.get(tenant, "/api/calls/" + callId + "/timeline").json();
    assertThat(page.timelineRows()).hasSize(timeline.get("items").size());
    assertThat(page.timelineRows().get(0).getText()).contains("CALL_INITIATED");
    String lead = callId.substring(0, callId.lastIndexOf('.'));
    assertThat(page.decisionOfTimelineLead())
        .isEqualTo(
            http.get(tenant, "/api/leads/" + lead + "/decision").json().get("kind").asText());
  }

  @Test
  void cancelWithHangUpFromThePageStopsTheCampaign() {
    String tenant = newTenant("ui");
    String id = Fixtures.startedCampaign(http, tenant, 100, 1);
    page.open(base(), tenant);
    page.awaitStatus("RUNNING");

    page.cancel(true);
    page.awaitStatus("CANCELED");
    Instant canceledSeen = Instant.now();

    http.await(tenant, "/api/campaigns/" + id + "/active-calls", calls -> calls.isEmpty());
    JsonNode progress = progress(tenant, id);
    assertThat(progress.get("status").asText()).isEqualTo("CANCELED");
    assertThat(progress.get("queued").asLong()).as("leads never dialed").isPositive();
    assertThat(initiatedAfter(tenant, id, canceledSeen)).isEmpty();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private JsonNode progress(String tenant, String id) {
    return http.get(tenant, "/api/campaigns/" + id + "/progress").json();
  }

  /** Calls of the campaign whose dial permit was granted after {@code t}, from its call log. */
  private List<String> initiatedAfter(String tenant, String id, Instant t) {
    JsonNode log = http.get(tenant, "/api/campaigns/" + id + "/log?size=200&after=0").json();
    List<String> late = new java.util.ArrayList<>();
    long cursor = 0;
    while (log.get("items").size() > 0) {
      for (JsonNode e : log.get("items")) {
        if (e.get("event").asText().equals("CALL_INITIATED")
            && Instant.parse(e.get("at").asText()).isAfter(t)) {
          late.add(e.get("callId").asText());
        }
        cursor = e.get("sequence").asLong();
      }
      log = http.get(tenant, "/api/campaigns/" + id + "/log?size=200&after=" + cursor).json();
    }
    return late;
  }

  private static Path csvWithBadRowAtLine(int line, int good) throws IOException {
    StringBuilder csv = new StringBuilder("phone,name\n");
    for (int i = 0; i < good; i++) {
      if (i == line - 2) {
        csv.append("12,Broken number\n");
      }
      csv.append(Fixtures.number(i)).append(",Lead ").append(i + 1).append('\n');
    }
    Path file = Files.createTempFile("leads", ".csv");
    Files.writeString(file, csv);
    return file;
  }
}
