package dev.dialkit.testkit;

import static dev.dialkit.testkit.HostileWebhookTest.SIGNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook fuzzer on the simulated provider, with seeded random choices: the properties hold
 * over thousands of requests, the requests reach every answer (so the mutations get past the
 * signature and the parser), and a planted bug is caught.
 */
class WebhookFuzzerTest {
  private DialerRig rig;
  private WebhookFuzzer fuzzer;

  @BeforeEach
  void twoCallsInEachOfTwoTenants() {
    rig = new DialerRig(ConcurrencyPolicy.builder().global(4).perTenant(2).build(), p -> p);
    List<Call> calls = new ArrayList<>();
    for (TenantId tenant : List.of(HostileWebhookTest.ACME, HostileWebhookTest.BETA)) {
      CampaignId id = rig.campaign(tenant, "fuzz", s -> s);
      rig.dialer.leads().add(tenant, id, DialerRig.leads(calls.size(), 2));
      rig.dialer.start();
      rig.dialer.campaigns().start(tenant, id);
      rig.scheduler.runUntil(
          () ->
              rig.store.findActiveCalls(tenant, id).stream()
                      .filter(c -> c.providerCallId() != null)
                      .count()
                  == 2);
      calls.addAll(rig.store.findActiveCalls(tenant, id));
    }
    fuzzer =
        WebhookFuzzer.builder()
            .dialer(rig.dialer)
            .calls(calls)
            .callbackUrl(c -> HostileWebhookTest.url("simulated", c.tenant(), c))
            .payload(c -> HostileWebhookTest.body(c.providerCallId(), "ringing", 2))
            .payload(c -> HostileWebhookTest.body(c.providerCallId(), "in-progress", 3))
            .payload(
                c ->
                    HostileWebhookTest.body(c.providerCallId(), "completed", 4)
                        + "&CallDuration=42&AnswerTime=2026-03-02T09:04:00.000Z")
            .payload(
                c ->
                    HostileWebhookTest.body(c.providerCallId(), "failed", 4)
                        + "&ErrorCode=32009&SipResponseCode=503")
            .signer(
                (url, body) ->
                    Map.of(
                        SimulatedCallProvider.SIGNATURE_HEADER,
                        List.of(SIGNER.sign(url.toString(), body))),
                SimulatedCallProvider.SIGNATURE_HEADER)
            .build();
  }

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void fiveThousandRandomRequestsBreakNoProperty() {
    WebhookFuzzer.Choices choices = WebhookFuzzer.Choices.random(2026);
    for (int i = 0; i < 5000; i++) {
      fuzzer.exercise(choices);
    }
    assertThat(fuzzer.requests()).isGreaterThan(4000);
    assertThat(fuzzer.statuses()).containsKeys(200, 400, 403, 404);
  }

  @Test
  void aParserThatThrowsIsFound() {
    rig.flaky.parseFailure = new ArithmeticException("long overflow");
    WebhookFuzzer.Choices choices = WebhookFuzzer.Choices.random(1);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 1000; i++) {
                fuzzer.exercise(choices);
              }
            })
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("answered 500");
  }

  @Test
  void aProviderThatChecksNoSignatureIsFound() {
    rig.flaky.trustEveryone = SIGNER;
    WebhookFuzzer.Choices choices = WebhookFuzzer.Choices.random(1);
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 1000; i++) {
                fuzzer.exercise(choices);
              }
            })
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("an unsigned request changed the state");
  }
}
