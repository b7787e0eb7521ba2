package dev.dialkit.examples.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without a browser the browser tests skip, unless CI says the browser is required. */
class BrowserTest {
  private static final Path NOWHERE = Path.of("/nonexistent/chromedriver");

  @Test
  void aMissingBrowserSkipsWithAMessage() {
    assertThatThrownBy(() -> Browser.requireInstalled(NOWHERE, Browser.CHROMIUM, null))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("/nonexistent/chromedriver")
        .hasMessageContaining("skipped");
  }

  @Test
  void aMissingBrowserFailsWhenRequired() {
    assertThatThrownBy(() -> Browser.requireInstalled(NOWHERE, Browser.CHROMIUM, "required"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("DIALKIT_TEST_BROWSER=required");
  }
}
