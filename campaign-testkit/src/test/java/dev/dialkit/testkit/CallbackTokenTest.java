package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CampaignStore;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** For providers that sign nothing, Dialkit signs its own callback URLs and checks the token. */
class CallbackTokenTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef-test";

  @Test
  void aProviderThatSignsNothingNeedsACallbackSecret() {
    VirtualClock clock = VirtualClock.at(DialerRig.START);
    FlakyProvider unsigned =
        new FlakyProvider(
            SimulatedCallProvider.builder()
                .clock(clock)
                .scheduler(new ManualScheduler(clock))
                .build(),
            clock);
    unsigned.signs = false;
    assertThatThrownBy(
            () ->
                CampaignDialer.builder().store(CampaignStore.inMemory()).provider(unsigned).build())
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "callbackSecret is required: provider simulated does not sign its webhooks, was null");
    assertThatThrownBy(() -> CampaignDialer.builder().callbackSecret("short"))
        .hasMessage("callbackSecret must be at least 32 characters, was 5 characters");
  }

  @Test
  void callbacksCarryAValidTokenAndAnythingElseIsRejected() {
    List<WebhookRequest> seen = new CopyOnWriteArrayList<>();
    try (DialerRig rig =
        new DialerRig(
            ConcurrencyPolicy.builder().global(2).perTenant(2).build(),
            p -> p,
            b -> b.callbackSecret(SECRET))) {
      rig.flaky.signs = false;
      Webhooks dialkit = rig.dialer.webhooks();
      rig.provider.connect(
          request -> {
            seen.add(request);
            return dialkit.handle(request);
          });
      CampaignId id = rig.startCampaign("tokens", 4, s -> s);
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      assertThat(seen).isNotEmpty();
      assertThat(seen)
          .allSatisfy(r -> assertThat(r.queryParameter(Webhooks.TOKEN_PARAMETER)).isNotBlank());

      WebhookRequest real = seen.get(seen.size() - 1);
      String token = real.queryParameter(Webhooks.TOKEN_PARAMETER);
      String otherCallsToken =
          seen.stream()
              .filter(
                  r ->
                      !r.queryParameter(Webhooks.CALL_PARAMETER)
                          .equals(real.queryParameter(Webhooks.CALL_PARAMETER)))
              .findFirst()
              .orElseThrow()
              .queryParameter(Webhooks.TOKEN_PARAMETER);
      for (String forged : new String[] {"", "AAAA", otherCallsToken}) {
        WebhookRequest replay = withUrl(real, real.url().toString().replace(token, forged));
        WebhookResponse response = dialkit.handle(replay);
        assertThat(response.status()).as("token '%s'", forged).isEqualTo(403);
        assertThat(response.body()).contains(Webhooks.TOKEN_PARAMETER);
      }
      String noToken =
          real.url()
              .toString()
              .replace("&" + Webhooks.TOKEN_PARAMETER + "=" + token, "")
              .replace(Webhooks.TOKEN_PARAMETER + "=" + token + "&", "");
      WebhookResponse missing = dialkit.handle(withUrl(real, noToken));
      assertThat(missing.status()).isEqualTo(403);
      assertThat(missing.body()).contains(Webhooks.TOKEN_PARAMETER);
    }
  }

  private static WebhookRequest withUrl(WebhookRequest r, String url) {
    return new WebhookRequest(r.method(), URI.create(url), r.headers(), r.body());
  }
}
