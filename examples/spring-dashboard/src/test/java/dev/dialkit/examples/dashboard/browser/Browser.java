package dev.dialkit.examples.dashboard.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by the system's chromedriver (Debian's {@code chromium} and {@code
 * chromium-driver}). Without chromedriver the browser tests are skipped with a message, unless
 * {@code DIALKIT_TEST_BROWSER=required}: then they fail, so that CI cannot pass by skipping them.
 */
final class Browser {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final String REQUIRED_ENV = "DIALKIT_TEST_BROWSER";

  /** Where the tests write screenshots of the running dashboard. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Browser() {}

  /** A new headless browser, or the test aborted (skipped) when none is installed. */
  static WebDriver start() {
    requireInstalled(CHROMEDRIVER, CHROMIUM, System.getenv(REQUIRED_ENV));
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // the closed network refuses Chromium's own connections unless these are off
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1400,1100",
          "--user-data-dir=" + Files.createTempDirectory("dialkit-chromium"));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      return new ChromeDriver(service, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns if both programs are installed; otherwise aborts the test (a skip, with the message),
   * or fails it when {@code required} is {@code "required"}.
   */
  static void requireInstalled(Path driver, Path browser, String required) {
    if (Files.isExecutable(driver) && Files.isExecutable(browser)) {
      return;
    }
    String message =
        "browser tests need "
            + driver
            + " and "
            + browser
            + " (apt-get install chromium chromium-driver)";
    if ("required".equals(required)) {
      fail(message + ", and " + REQUIRED_ENV + "=required");
    }
    Assumptions.abort(message + "; skipped");
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  static Path screenshot(WebDriver driver, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
