package dev.dialkit.provider.bolna;

import static dev.dialkit.provider.bolna.BolnaPayloads.EXECUTION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.TenantId;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real dialer placing calls through BolnaProvider (WireMock) and applying Bolna's execution
 * webhooks, in the order Bolna documents them, through the whole webhook pipeline.
 */
class BolnaDialerIntegrationTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private final BolnaWireMockFixture fx = new BolnaWireMockFixture();
  private final BolnaWorld world = new BolnaWorld(fx.provider());

  @AfterEach
  void stop() {
    world.close();
    fx.close();
  }

  private int post(URI url, ObjectNode execution) {
    return world.dialer.webhooks().handle(BolnaPayloads.webhook(url, execution)).status();
  }

  @Test
  void theExecutionIdIsRecordedAndUserDataNamesTheCall() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    assertThat(call.providerCallId()).isEqualTo(EXECUTION_ID);
    assertThat(
            BolnaWireMockFixture.body(fx.lastCreate())
                .get("user_data")
                .get("dialkit_call")
                .asText())
        .isEqualTo(call.id().value());
  }

  @Test
  void aCompletedCallThatNobodyAnsweredEndsAsRejectedNotCompleted() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    URI url = world.perCallUrl(call);
    assertThat(post(url, BolnaPayloads.execution(EXECUTION_ID, "queued"))).isEqualTo(200);
    assertThat(post(url, BolnaPayloads.execution(EXECUTION_ID, "initiated"))).isEqualTo(200);
    assertThat(post(url, BolnaPayloads.execution(EXECUTION_ID, "ringing"))).isEqualTo(200);
    assertThat(world.now(call).status()).isEqualTo(CallStatus.RINGING);
    assertThat(post(url, BolnaPayloads.execution(EXECUTION_ID, "call-disconnected")))
        .isEqualTo(200);
    assertThat(world.now(call).status()).isEqualTo(CallStatus.RINGING); // not terminal
    ObjectNode rejected =
        BolnaPayloads.ended(
            EXECUTION_ID, "completed", 0, "Callee", "Call recipient rejected", 3020);
    assertThat(post(url, rejected)).isEqualTo(200);
    Call ended = world.now(call);
    assertThat(ended.status()).isEqualTo(CallStatus.FAILED);
    assertThat(ended.failureReason()).isEqualTo(FailureReason.REJECTED);
    // Bolna sends again on a non-2xx; a repeat is a duplicate, still 200, still the same end
    assertThat(post(url, rejected)).isEqualTo(200);
    assertThat(world.now(call)).isEqualTo(ended);
  }

  @Test
  void anAnsweredCallCompletesOnlyWithCompleted() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    URI url = world.perCallUrl(call);
    post(url, BolnaPayloads.execution(EXECUTION_ID, "in-progress"));
    post(
        url,
        BolnaPayloads.ended(EXECUTION_ID, "call-disconnected", 42, "Callee", "Call ended", 4000));
    assertThat(world.now(call).status()).isEqualTo(CallStatus.ANSWERED);
    post(url, BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED));
    assertThat(world.now(call).status()).isEqualTo(CallStatus.COMPLETED);
  }

  @Test
  void aWebhookWithoutTheTokenChangesNothing() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    URI forged =
        URI.create(
            world.perCallUrl(call).toString().replaceAll("dialkit_token=[^&]*", "dialkit_token=x"));
    assertThat(post(forged, BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.COMPLETED)))
        .isEqualTo(403);
    assertThat(world.now(call).status()).isEqualTo(call.status());
  }

  /**
   * What Bolna actually does: one URL per agent, naming the tenant and the provider but no call,
   * with Dialkit's token for that tenant and provider; the call is found by its execution id.
   */
  @Test
  void theAgentWebhookUrlFindsTheCallByItsExecutionId() {
    Call call = world.place(TENANT, fx::stubCreateAccepted);
    URI agentUrl =
        world.dialer.webhooks().providerWebhookUrl(BolnaWorld.WEBHOOK_BASE, TENANT, "bolna");
    assertThat(agentUrl.getQuery()).contains("dialkit_token=").doesNotContain("dialkit_call");
    assertThat(post(agentUrl, BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.RINGING)))
        .isEqualTo(200);
    assertThat(world.now(call).status()).isEqualTo(CallStatus.RINGING);
  }

  /**
   * Bolna's webhook can outrun the create answer that tells Dialkit the execution id. Such a
   * webhook finds no call: it is answered 404 with nothing stored, and Bolna sends it again on any
   * non-2xx answer (providers.md, section 4); the retry, after the id is stored, is applied. (A
   * webhook that never comes again is the watchdog's: it reads GET /executions/{id}.)
   */
  @Test
  void aWebhookThatOutrunsTheCreateAnswerIsRefusedUnchangedAndItsRetryApplies() {
    URI agentUrl =
        world.dialer.webhooks().providerWebhookUrl(BolnaWorld.WEBHOOK_BASE, TENANT, "bolna");
    ObjectNode ringing = BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.RINGING);
    assertThat(post(agentUrl, ringing)).as("no call knows the execution id yet").isEqualTo(404);

    Call call = world.place(TENANT, fx::stubCreateAccepted);
    assertThat(world.now(call).status())
        .as("the early webhook changed nothing")
        .isEqualTo(call.status());
    assertThat(post(agentUrl, ringing)).as("Bolna's retry").isEqualTo(200);
    assertThat(world.now(call).status()).isEqualTo(CallStatus.RINGING);
  }

  @Test
  void anotherTenantsAgentWebhookUrlFindsNoCallOfThisTenant() {
    world.place(TENANT, fx::stubCreateAccepted);
    URI otherTenant =
        world
            .dialer
            .webhooks()
            .providerWebhookUrl(BolnaWorld.WEBHOOK_BASE, TenantId.of("other"), "bolna");
    assertThat(post(otherTenant, BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.RINGING)))
        .as("a valid token of another tenant finds nothing of this one")
        .isEqualTo(404);
  }

  @Test
  void aTokenForOneTenantDoesNotOpenAnother() {
    world.place(TENANT, fx::stubCreateAccepted);
    URI mine = world.dialer.webhooks().providerWebhookUrl(BolnaWorld.WEBHOOK_BASE, TENANT, "bolna");
    URI forged = URI.create(mine.toString().replace("dialkit_tenant=acme", "dialkit_tenant=other"));
    assertThat(post(forged, BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.RINGING)))
        .isEqualTo(403);
  }

  @Test
  void anAgentWebhookUrlWithoutAValidTokenIsRefused() {
    world.place(TENANT, fx::stubCreateAccepted);
    assertThat(
            post(
                BolnaWorld.agentUrl(TENANT),
                BolnaPayloads.forStatus(EXECUTION_ID, CallStatus.RINGING)))
        .isEqualTo(403);
  }
}
