package dev.dialkit.provider.sanspbx;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.API_TOKEN;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.API_TOKEN_2;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.DIAL_PATH;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.EXPIRY_IST;
import static dev.dialkit.provider.sanspbx.SansPbxPayloads.TOKEN_PATH;
import static dev.dialkit.provider.sanspbx.SansPbxWireMockFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import dev.dialkit.testkit.ProviderFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token: generated once and cached until shortly before its {@code expiry_time} (read in IST),
 * generated afresh once when SansPBX answers 401, shared by concurrent callers, and its failures
 * never make a dial ambiguous, since nothing was dialed.
 */
class SansPbxTokenTest {
  private final SansPbxWireMockFixture fx = new SansPbxWireMockFixture();
  private final SansPbxRequests requests = new SansPbxRequests(fx);

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void aTokenIsCachedUntilTheMarginBeforeItsExpiry() {
    fx.stubCreateAccepted();
    SansPbxProvider provider = fx.builder().tokenRefreshMargin(Duration.ofMinutes(1)).build();
    requests.await(provider.place(requests.dial()));
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(1);

    // expiry 21:00 IST = 15:30Z; the clock starts at 15:00Z; refreshed from 15:29Z on
    fx.clock.advance(Duration.ofMinutes(28).plusSeconds(59));
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(1);
    fx.clock.advance(Duration.ofSeconds(1));
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(2);
    assertThat(fx.dials()).extracting(r -> r.getHeader("Apitoken")).containsOnly(API_TOKEN);
  }

  @Test
  void theExpiryIsReadInTheConfiguredZone() {
    fx.stubCreateAccepted();
    // read as UTC, 21:00 is six hours away rather than 30 minutes
    SansPbxProvider provider = fx.builder().timeZone(java.time.ZoneOffset.UTC).build();
    requests.await(provider.place(requests.dial()));
    fx.clock.advance(Duration.ofHours(5));
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(1);
  }

  @Test
  void aTokenWrappedInDataIsRead() {
    fx.stubCreateAccepted();
    fx.stubToken(SansPbxPayloads.tokenInData(API_TOKEN_2, EXPIRY_IST));
    requests.await(fx.provider().place(requests.dial()));
    assertThat(fx.lastDial().getHeader("Apitoken")).isEqualTo(API_TOKEN_2);
  }

  @Test
  void aTokenWithoutAUsableExpiryIsKeptForTheFallbackLifetime() {
    fx.stubCreateAccepted();
    fx.stubToken(SansPbxPayloads.token(API_TOKEN, "tomorrow-ish"));
    SansPbxProvider provider = fx.builder().tokenFallbackLifetime(Duration.ofMinutes(2)).build();
    requests.await(provider.place(requests.dial()));
    fx.clock.advance(Duration.ofSeconds(119));
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(1);
    fx.clock.advance(Duration.ofSeconds(1));
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(2);
  }

  @Test
  void anExpiryAlreadyPastIsNotTrustedTheFallbackLifetimeIsUsed() {
    fx.stubCreateAccepted();
    fx.stubToken(SansPbxPayloads.token(API_TOKEN, "2026-03-02 10:00:00"));
    SansPbxProvider provider = fx.builder().build();
    requests.await(provider.place(requests.dial()));
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(1);
  }

  @Test
  void a401MakesOneNewTokenAndTheRequestIsSentOnceMore() {
    fx.resetWithToken();
    tokensInTurn(API_TOKEN, API_TOKEN_2);
    fx.server.stubFor(
        post(urlPathEqualTo(DIAL_PATH))
            .withHeader("Apitoken", equalTo(API_TOKEN))
            .willReturn(json(401, SansPbxPayloads.error("Token expired"))));
    fx.server.stubFor(
        post(urlPathEqualTo(DIAL_PATH))
            .withHeader("Apitoken", equalTo(API_TOKEN_2))
            .willReturn(json(200, SansPbxPayloads.dialed(SansPbxWireMockFixture.CALL_ID))));
    SansPbxProvider provider = fx.builder().build();

    assertThat(requests.await(provider.place(requests.dial())).providerCallId())
        .isEqualTo(SansPbxWireMockFixture.CALL_ID);
    assertThat(fx.tokenRequests()).isEqualTo(2);
    assertThat(fx.dials())
        .extracting(r -> r.getHeader("Apitoken"))
        .containsExactly(API_TOKEN, API_TOKEN_2);

    // the new token is cached: the next dial uses it without asking again
    requests.await(provider.place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(2);
  }

  @Test
  void a401WithTheNewTokenTooIsPermanentAndNotRetriedFurther() {
    fx.stubCreateFailure(ProviderFixture.CreateFailure.UNAUTHORIZED);
    SansPbxProvider provider = fx.builder().build();
    ProviderException e = requests.failure(provider.place(requests.dial()));
    assertThat(e.reason()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.isAmbiguous()).isFalse();
    assertThat(e.httpStatus()).isEqualTo(401);
    assertThat(fx.dials()).hasSize(2);
    assertThat(fx.tokenRequests()).isEqualTo(2);
  }

  @Test
  void concurrentCallersShareOneTokenRequest() {
    fx.stubCreateAccepted();
    // the token takes a while: every dial arrives while it is being generated
    fx.server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                json(200, SansPbxPayloads.token(API_TOKEN, EXPIRY_IST)).withFixedDelay(500)));
    SansPbxProvider provider = fx.builder().build();
    List<CompletableFuture<?>> dials =
        IntStream.range(0, 20)
            .mapToObj(i -> provider.place(requests.dial()).toCompletableFuture())
            .<CompletableFuture<?>>map(f -> f)
            .toList();
    dials.forEach(requests::await);
    assertThat(fx.tokenRequests()).isEqualTo(1);
    assertThat(fx.dials()).hasSize(20);
  }

  @Test
  void concurrent401sShareOneRefresh() {
    fx.resetWithToken();
    tokensInTurn(API_TOKEN, API_TOKEN_2);
    fx.server.stubFor(
        post(urlPathEqualTo(DIAL_PATH))
            .withHeader("Apitoken", equalTo(API_TOKEN))
            .willReturn(json(401, SansPbxPayloads.error("Token expired")).withFixedDelay(200)));
    fx.server.stubFor(
        post(urlPathEqualTo(DIAL_PATH))
            .withHeader("Apitoken", equalTo(API_TOKEN_2))
            .willReturn(json(200, SansPbxPayloads.dialed(SansPbxWireMockFixture.CALL_ID))));
    SansPbxProvider provider = fx.builder().build();
    List<CompletionStage<?>> dials =
        IntStream.range(0, 10)
            .<CompletionStage<?>>mapToObj(i -> provider.place(requests.dial()))
            .toList();
    dials.forEach(requests::await);
    assertThat(fx.tokenRequests()).isEqualTo(2);
    List<LoggedRequest> sent = fx.dials();
    assertThat(sent).filteredOn(r -> API_TOKEN_2.equals(r.getHeader("Apitoken"))).hasSize(10);
  }

  @Test
  void aRefusedAccessKeyIsPermanentAndNothingIsDialed() {
    fx.server.resetAll();
    fx.server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(json(401, SansPbxPayloads.error("Invalid access key"))));
    ProviderException e = requests.failure(fx.provider().place(requests.dial()));
    assertThat(e.reason()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.isAmbiguous()).isFalse();
    assertThat(e.getMessage()).contains("nothing was dialed");
    assertThat(fx.dials()).isEmpty();
  }

  @Test
  void aTokenAnswerWithoutATokenIsPermanent() {
    fx.server.resetAll();
    fx.stubToken(SansPbxPayloads.error("access key mismatch"));
    ProviderException e = requests.failure(fx.provider().place(requests.dial()));
    assertThat(e.reason()).isEqualTo(FailureReason.ACCOUNT_OR_PERMISSION);
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void aTokenServerErrorOrTimeoutIsRetryableNeverAmbiguousAndNotCached() {
    fx.server.resetAll();
    fx.server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(500, SansPbxPayloads.error("down"))));
    ProviderException e = requests.failure(fx.provider().place(requests.dial()));
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.isAmbiguous()).isFalse();

    fx.server.resetAll();
    fx.server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                json(200, SansPbxPayloads.token(API_TOKEN, EXPIRY_IST)).withFixedDelay(3_000)));
    SansPbxProvider slow =
        fx.builder().requestTimeout(SansPbxWireMockFixture.SHORT_TIMEOUT).build();
    ProviderException timeout = requests.failure(slow.place(requests.dial()));
    assertThat(timeout.isRetryable()).isTrue();
    assertThat(timeout.isAmbiguous()).isFalse();
    assertThat(fx.dials()).isEmpty();

    // the failure was not cached: the next dial asks for a token again and goes through
    fx.stubCreateAccepted();
    requests.await(fx.provider().place(requests.dial()));
    assertThat(fx.tokenRequests()).isEqualTo(1);
  }

  @Test
  void basicAuthIsSentWithTheTokenRequestOnlyWhenConfigured() {
    fx.stubCreateAccepted();
    requests.await(fx.provider().place(requests.dial()));
    SansPbxProvider withBasic = fx.builder().basicAuth("pbx-user", "pbx-password").build();
    requests.await(withBasic.place(requests.dial()));
    List<LoggedRequest> tokens = fx.server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertThat(tokens).hasSize(2);
    assertThat(tokens.get(0).containsHeader("Authorization")).isFalse();
    assertThat(tokens.get(1).getHeader("Authorization"))
        .isEqualTo(ProviderHttp.basicAuthorization("pbx-user", "pbx-password"));
    assertThat(fx.dials()).allSatisfy(r -> assertThat(r.containsHeader("Authorization")).isFalse());
  }

  /** {@code gentoken} answers {@code first}, then {@code second} ever after. */
  private void tokensInTurn(String first, String second) {
    fx.server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("tokens")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(200, SansPbxPayloads.token(first, EXPIRY_IST)))
            .willSetStateTo("second"));
    fx.server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("tokens")
            .whenScenarioStateIs("second")
            .willReturn(json(200, SansPbxPayloads.token(second, EXPIRY_IST))));
  }
}
