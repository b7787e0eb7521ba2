package dev.dialkit.testkit;

import static dev.dialkit.testkit.HostileWebhookTest.body;
import static dev.dialkit.testkit.HostileWebhookTest.ringing;
import static dev.dialkit.testkit.HostileWebhookTest.signed;
import static dev.dialkit.testkit.HostileWebhookTest.snapshot;
import static dev.dialkit.testkit.HostileWebhookTest.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.testkit.internal.SimulatedWebhookCodec;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants, each with its own provider account (two simulated providers with their own names and
 * secrets, both numbering calls SIM1, SIM2...): a callback signed with one account's secret never
 * reaches the other tenant's call, whichever way the call is looked up.
 */
class SeparateAccountsWebhookTest {
  private static final String A = SimulatedCallProviderBuilder.DEFAULT_NAME;
  private static final String B = "sim-b";
  private static final SimulatedWebhookCodec SIGNER_A =
      new SimulatedWebhookCodec(SimulatedCallProviderBuilder.DEFAULT_SIGNING_SECRET);
  private static final SimulatedWebhookCodec SIGNER_B = new SimulatedWebhookCodec("secret-b");
  private static final TenantId ACME = HostileWebhookTest.ACME;
  private static final TenantId BETA = HostileWebhookTest.BETA;

  private DialerRig rig;
  private Call acme;
  private Call beta;

  @BeforeEach
  void oneCallPerTenantAndAccount() {
    AtomicReference<SimulatedCallProvider> second = new AtomicReference<>();
    rig =
        new DialerRig(
            ConcurrencyPolicy.builder().global(2).perTenant(1).build(),
            p -> p,
            (r, b) -> {
              second.set(
                  SimulatedCallProvider.builder()
                      .clock(r.clock)
                      .scheduler(r.scheduler)
                      .seed(7)
                      .name(B)
                      .signingSecret("secret-b")
                      .build());
              return b.provider(second.get());
            });
    second.get().connect(rig.dialer.webhooks());
    acme = ringing(rig, ACME, A);
    beta = ringing(rig, BETA, B);
    // the two accounts number their calls alike: the ids alone do not tell the tenants apart
    assertThat(acme.providerCallId()).isEqualTo(beta.providerCallId());
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private int handle(SimulatedWebhookCodec signer, java.net.URI url, String body) {
    return rig.dialer.webhooks().handle(signed(signer, url, body)).status();
  }

  @Test
  void oneAccountsCallbackNeverReachesTheOtherTenantsCall() {
    var before = snapshot(rig, acme, beta);
    String sid = acme.providerCallId();
    // account B's secret, B's provider, A's tenant: by provider id, B's SIM1 is tenant B's
    assertThat(handle(SIGNER_B, url(B, ACME, null), body(sid, "completed", 9))).isEqualTo(404);
    // account A's secret, A's provider, B's tenant: A's SIM1 is tenant A's
    assertThat(handle(SIGNER_A, url(A, BETA, null), body(sid, "completed", 9))).isEqualTo(404);
    // by Dialkit's call id: tenant A's call under B's provider, and under B's tenant
    assertThat(handle(SIGNER_B, url(B, ACME, acme), body(sid, "completed", 9))).isEqualTo(404);
    assertThat(handle(SIGNER_A, url(A, BETA, acme), body(sid, "completed", 9))).isEqualTo(404);
    // account B's secret on A's provider's URL: the signature does not verify
    assertThat(handle(SIGNER_B, url(A, ACME, acme), body(sid, "completed", 9))).isEqualTo(403);
    assertThat(snapshot(rig, acme, beta)).isEqualTo(before);
    // the controls: each account reaches its own tenant's call, by either lookup
    assertThat(handle(SIGNER_A, url(A, ACME, null), body(sid, "completed", 9))).isEqualTo(200);
    assertThat(handle(SIGNER_B, url(B, BETA, beta), body(sid, "completed", 9))).isEqualTo(200);
    assertThat(rig.dialer.calls().get(ACME, acme.id()).orElseThrow().status().isTerminal())
        .isTrue();
    assertThat(rig.dialer.calls().get(BETA, beta.id()).orElseThrow().status().isTerminal())
        .isTrue();
  }
}
