package dev.dialkit.examples.dashboard.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page as a test drives it: by element ids, waiting on conditions, never sleeping.
 */
final class DashboardPage {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final WebDriver driver;
  private final WebDriverWait wait;

  DashboardPage(WebDriver driver) {
    this.driver = driver;
    // the page re-renders its lists on every event: an element read a moment ago may be gone
    this.wait = new WebDriverWait(driver, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Opens the dashboard on {@code tenant} and waits for the live event stream. */
  DashboardPage open(String baseUrl, String tenant) {
    driver.get(baseUrl + "/");
    WebElement input = byId("tenant");
    input.clear();
    input.sendKeys(tenant, Keys.TAB); // the change event reconnects the stream as that tenant
    wait.until(d -> "live".equals(byId("connection").getDomAttribute("data-state")));
    return this;
  }

  void createCampaign(String name, int maxConcurrentCalls) {
    WebElement form = byId("create-form");
    fill(form.findElement(By.name("name")), name);
    fill(form.findElement(By.name("maxConcurrentCalls")), Integer.toString(maxConcurrentCalls));
    byId("create").click();
    wait.until(ExpectedConditions.textToBe(By.id("campaign-name"), name));
    wait.until(ExpectedConditions.textToBe(By.id("campaign-status"), "DRAFT"));
  }

  void upload(Path csv) {
    byId("csv-file").sendKeys(csv.toAbsolutePath().toString());
    byId("upload").click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
  }

  String importSummary() {
    return byId("import-summary").getText();
  }

  WebElement rejectedRow(long line) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#import-result tr.rejected[data-line='" + line + "']")));
  }

  void click(String buttonId) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(buttonId))).click();
  }

  void cancel(boolean hangUp) {
    WebElement box = byId("hang-up");
    if (box.isSelected() != hangUp) {
      box.click();
    }
    click("cancel");
  }

  void awaitStatus(String status) {
    wait.until(ExpectedConditions.textToBe(By.id("campaign-status"), status));
  }

  String status() {
    return byId("campaign-status").getText();
  }

  int percent() {
    return Integer.parseInt(byId("progress").getDomAttribute("data-percent"));
  }

  void awaitPercent(java.util.function.IntPredicate condition) {
    wait.until(d -> condition.test(percent()));
  }

  /** A counter of the breakdown ({@code completed}, {@code noAnswer}, {@code callsPlaced}...). */
  String counter(String key) {
    return byId("count-" + key).getText();
  }

  void awaitCounter(String key, long value) {
    wait.until(ExpectedConditions.textToBe(By.id("count-" + key), Long.toString(value)));
  }

  /** Clicks the most recent call of the activity list; returns its call id. */
  String openLatestCallTimeline() {
    WebElement row =
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#activity tr")));
    String callId = row.getDomAttribute("data-call-id");
    row.click();
    wait.until(ExpectedConditions.textToBe(By.id("timeline-call"), callId));
    return callId;
  }

  List<WebElement> timelineRows() {
    return driver.findElements(By.cssSelector("#timeline tr"));
  }

  String decisionOfTimelineLead() {
    click("timeline-decision");
    wait.until(d -> byId("decision").getDomAttribute("data-kind") != null);
    return byId("decision").getDomAttribute("data-kind");
  }

  /** The names in the campaign list, read in one step (the list is re-rendered by events). */
  @SuppressWarnings("unchecked")
  List<String> campaignNames() {
    return (List<String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "return [...document.querySelectorAll('#campaigns li')]"
                    + ".map(li => li.firstChild.textContent)");
  }

  WebDriverWait waiting() {
    return wait;
  }

  private WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  private static void fill(WebElement input, String value) {
    input.clear();
    input.sendKeys(value);
  }
}
