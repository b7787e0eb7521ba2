package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignDialer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dialer starts only once the embedded web server accepts connections. */
class LifecycleOverHttpTest extends WebTestBase {
  @Autowired CampaignDialer dialer;

  @Test
  void theDialerStartedAfterTheWebServerAcceptedConnections() {
    assertThat(dialer).isInstanceOf(RecordingDialer.class);
    assertThat(((RecordingDialer) dialer).serverAnsweredAtStart)
        .as("the web server accepted a connection when the dialer started")
        .isTrue();
  }
}
