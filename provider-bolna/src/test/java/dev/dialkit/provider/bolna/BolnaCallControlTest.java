package dev.dialkit.provider.bolna;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.bolna.BolnaPayloads.API_KEY;
import static dev.dialkit.provider.bolna.BolnaPayloads.EXECUTION_ID;
import static dev.dialkit.provider.bolna.BolnaRequests.await;
import static dev.dialkit.provider.bolna.BolnaRequests.call;
import static dev.dialkit.provider.bolna.BolnaRequests.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hang-up (there is none), the queued-only stop, and status queries for the watchdog. */
class BolnaCallControlTest {
  private static final String EXECUTION_PATH = "/executions/" + EXECUTION_ID;
  private final BolnaWireMockFixture fx = new BolnaWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void hangUpIsUnsupportedAndSaysSo() throws Exception {
    assertThat(fx.provider().capabilities().hangUp()).isFalse();
    assertThat(failure(fx.provider().hangUp(call(EXECUTION_ID, CallStatus.ANSWERED))))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(fx.server.getAllServeEvents()).isEmpty();
  }

  @Test
  void stopQueuedPostsBolnasStop() throws Exception {
    fx.server.stubFor(
        post(urlPathEqualTo("/call/" + EXECUTION_ID + "/stop"))
            .willReturn(
                BolnaWireMockFixture.json(
                    200,
                    "{\"message\":\"done\",\"status\":\"stopped\",\"execution_id\":\""
                        + EXECUTION_ID
                        + "\"}")));
    await(fx.provider().stopQueued(call(EXECUTION_ID, CallStatus.QUEUED)));
    assertThat(
            fx.server
                .findAll(postRequestedFor(urlPathEqualTo("/call/" + EXECUTION_ID + "/stop")))
                .get(0)
                .getHeader("Authorization"))
        .isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void stopOfACallAlreadyDialingIsRefused() throws Exception {
    fx.server.stubFor(
        post(urlPathEqualTo("/call/" + EXECUTION_ID + "/stop"))
            .willReturn(
                BolnaWireMockFixture.json(
                    400, BolnaPayloads.error(400, "Call is not in queued or scheduled state"))));
    ProviderException e =
        (ProviderException)
            failure(fx.provider().stopQueued(call(EXECUTION_ID, CallStatus.RINGING)));
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.isAmbiguous()).isFalse();
    assertThat(failure(fx.provider().stopQueued(call(null, CallStatus.QUEUED))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theStatusQueryReadsTheExecutionAsAWebhookIs() throws Exception {
    ObjectNode rejected =
        BolnaPayloads.ended(
            EXECUTION_ID, "completed", 0, "Callee", "Call recipient rejected", 3020);
    fx.server.stubFor(
        get(urlPathEqualTo(EXECUTION_PATH))
            .willReturn(BolnaWireMockFixture.json(200, rejected.toString())));
    Optional<CallStatusUpdate> u =
        await(fx.provider().queryStatus(call(EXECUTION_ID, CallStatus.RINGING)));
    assertThat(u).isPresent();
    assertThat(u.get().status()).isEqualTo(CallStatus.FAILED);
    assertThat(u.get().failureReason()).isEqualTo(FailureReason.REJECTED);
    assertThat(
            fx.server
                .findAll(getRequestedFor(urlPathEqualTo(EXECUTION_PATH)))
                .get(0)
                .getHeader("Authorization"))
        .isEqualTo("Bearer " + API_KEY);
  }

  @Test
  void theQueriedExecutionKeepsTheIdItWasAskedBy() throws Exception {
    ObjectNode e = BolnaPayloads.execution("7432382142914", "in-progress");
    fx.server.stubFor(
        get(urlPathEqualTo(EXECUTION_PATH))
            .willReturn(BolnaWireMockFixture.json(200, e.toString())));
    CallStatusUpdate u =
        await(fx.provider().queryStatus(call(EXECUTION_ID, CallStatus.RINGING))).orElseThrow();
    assertThat(u.providerCallId()).isEqualTo(EXECUTION_ID);
    assertThat(u.status()).isEqualTo(CallStatus.ANSWERED);
  }

  @Test
  void aCallWithoutExecutionIdCannotBeAskedAbout() throws Exception {
    ProviderException e =
        (ProviderException) failure(fx.provider().queryStatus(call(null, CallStatus.INITIATED)));
    assertThat(e.isAmbiguous()).isTrue();
  }

  @Test
  void anUnreadableAnswerIsAPermanentFailure() throws Exception {
    fx.server.stubFor(
        get(urlPathEqualTo(EXECUTION_PATH))
            .willReturn(
                BolnaWireMockFixture.json(
                    200, "{\"status\":\"completed\",\"conversation_duration\":-5}")));
    ProviderException e =
        (ProviderException)
            failure(fx.provider().queryStatus(call(EXECUTION_ID, CallStatus.RINGING)));
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.isAmbiguous()).isFalse();
    fx.server.stubFor(
        get(urlPathEqualTo(EXECUTION_PATH)).willReturn(BolnaWireMockFixture.json(200, "[]")));
    assertThat(failure(fx.provider().queryStatus(call(EXECUTION_ID, CallStatus.RINGING))))
        .isInstanceOf(ProviderException.class);
  }

  @Test
  void aRateLimitedQueryIsRetryable() throws Exception {
    fx.server.stubFor(
        get(urlPathEqualTo(EXECUTION_PATH))
            .willReturn(BolnaWireMockFixture.json(429, BolnaPayloads.error(429, "slow down"))));
    ProviderException e =
        (ProviderException)
            failure(fx.provider().queryStatus(call(EXECUTION_ID, CallStatus.RINGING)));
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.reason()).isEqualTo(FailureReason.RATE_LIMITED);
  }
}
