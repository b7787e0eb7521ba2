package dev.dialkit.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.examples.dashboard.demo.DemoSettings;
import org.junit.jupiter.api.Test;

/** The {@code --demo} argument and the demo's settings. */
class DashboardApplicationTest {
  @Test
  void theDemoArgumentTurnsTheDemoPropertyOn() {
    assertThat(DashboardApplication.withDemoProperty(new String[] {"--demo", "--server.port=0"}))
        .containsExactly("--dialkit.demo=true", "--server.port=0");
    assertThat(DashboardApplication.withDemoProperty(new String[] {"--demonstrate"}))
        .containsExactly("--demonstrate");
  }

  @Test
  void demoSettingsNameTheBadProperty() {
    assertThatThrownBy(() -> new DemoSettings(-1, 20, 25))
        .hasMessageContaining("dialkit.demo.leads");
    assertThatThrownBy(() -> new DemoSettings(10, 0.5, 25))
        .hasMessageContaining("dialkit.demo.speed");
    assertThatThrownBy(() -> new DemoSettings(10, 20, 0))
        .hasMessageContaining("dialkit.demo.calls-per-second");
  }
}
