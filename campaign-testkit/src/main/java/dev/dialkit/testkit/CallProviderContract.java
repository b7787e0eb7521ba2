package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.testkit.ProviderFixture.Classification;
import dev.dialkit.testkit.ProviderFixture.CreateFailure;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The compliance suite of {@link CallProvider}: every provider module runs it against a fake of its
 * provider's HTTP API, and passing it is what "implements the contract" means. It checks the create
 * request (the provider-specific shape through {@link ProviderFixture#verifyCreateRequest}, the
 * callback parameters on every callback URL generically), the classification of each create failure
 * (and that an ambiguous one is sent once), the parsing of every status, unknown statuses kept raw,
 * malformed webhooks, signatures accepted and rejected, hang-up before and after answer, status
 * queries, and that no secret leaks into {@code toString} or an exception.
 *
 * <pre>{@code
 * class TwilioProviderContractTest extends CallProviderContract {
 *   @Override
 *   protected ProviderFixture createFixture() {
 *     return new TwilioWireMockFixture();
 *   }
 * }
 * }</pre>
 *
 * Capability flags decide what is checked: without {@code hangUp} or {@code statusQuery} the
 * provider must fail those stages with {@link UnsupportedOperationException}; without {@code
 * signsWebhooks} signature tests are skipped.
 */
public abstract class CallProviderContract {
  /** How long any stage may take before the test fails. */
  protected static final Duration STAGE_TIMEOUT = Duration.ofSeconds(20);

  protected static final TenantId TENANT = TenantId.of("tenant-a");
  protected static final CampaignId CAMPAIGN = CampaignId.of("campaign-1");
  protected static final LeadId LEAD = LeadId.of("lead-1");
  protected static final PhoneNumber FROM = PhoneNumber.of("+14155550100");
  protected static final PhoneNumber TO = PhoneNumber.of("+14155550123");
  protected static final Instant CREATED = Instant.parse("2025-03-03T10:00:00Z");

  private ProviderFixture fixture;

  /** A new fixture with its server running; called before each test. */
  protected abstract ProviderFixture createFixture();

  @BeforeEach
  final void openFixture() {
    fixture = createFixture();
  }

  @AfterEach
  final void closeFixture() throws Exception {
    if (fixture != null) {
      fixture.close();
      fixture = null;
    }
  }

  protected final ProviderFixture fixture() {
    return fixture;
  }

  /** The dial request the suite places: machine detection and recording on. */
  protected DialRequest request(CallProvider provider) {
    CallId id = CallId.forAttempt(LEAD, 1);
    Map<String, String> params = new LinkedHashMap<>();
    params.put(Webhooks.PROVIDER_PARAMETER, provider.name());
    params.put(Webhooks.TENANT_PARAMETER, TENANT.value());
    params.put(Webhooks.CALL_PARAMETER, id.value());
    return new DialRequest(
        id,
        TENANT,
        CAMPAIGN,
        FROM,
        TO,
        fixture.agent(),
        params,
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        true,
        true);
  }

  /** The URL Dialkit hands out for the suite's call: where the fixture's webhooks are posted. */
  protected URI callbackUrl(CallProvider provider) {
    return CallbackUrls.withParameters(
        URI.create("https://dialer.example.com/webhooks/" + provider.name()),
        request(provider).callbackParameters());
  }

  /** A stored call of the suite's lead, known to the provider as {@code providerCallId}. */
  protected static Call call(String providerCallId, CallStatus status) {
    Call initiated =
        new Call(
            CallId.forAttempt(LEAD, 1),
            TENANT,
            CAMPAIGN,
            LEAD,
            1,
            "provider",
            providerCallId,
            null,
            FROM,
            TO,
            CallStatus.INITIATED,
            CREATED,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            1,
            CREATED);
    return initiated.toBuilder().status(status).build();
  }

  // ---- create ----

  @Test
  void placeSendsTheProviderShapedRequestAndReturnsItsId() {
    CallProvider provider = fixture.provider();
    String id = fixture.stubCreateAccepted();
    DialRequest request = request(provider);
    PlacedCall placed = await(provider.place(request));
    assertThat(id).isIn(placed.providerCallId(), placed.providerRequestId());
    fixture.verifyCreateRequest(request);
    assertThat(fixture.createRequestsReceived()).isEqualTo(1);
  }

  @Test
  void everyCallbackUrlCarriesTheCallbackParameters() {
    CallProvider provider = fixture.provider();
    assumeTrue(
        provider.capabilities().perCallCallbacks(),
        "provider takes no callback URL per call: its webhooks are found by its call id");
    fixture.stubCreateAccepted();
    DialRequest request = request(provider);
    await(provider.place(request));
    List<URI> urls = fixture.callbackUrlsSent();
    assertThat(urls).isNotEmpty();
    for (URI url : urls) {
      WebhookRequest asReceived = new WebhookRequest("POST", url, Map.of(), "");
      request
          .callbackParameters()
          .forEach(
              (k, v) -> assertThat(asReceived.queryParameter(k)).as(url + " " + k).isEqualTo(v));
    }
  }

  @Test
  void rateLimitedCreateIsRetryable() {
    assertCreateFails(CreateFailure.RATE_LIMITED);
  }

  @Test
  void concurrencyLimitedCreateIsRetryable() {
    assertCreateFails(CreateFailure.CONCURRENCY_LIMITED);
  }

  @Test
  void invalidNumberIsPermanent() {
    assertCreateFails(CreateFailure.INVALID_NUMBER);
  }

  @Test
  void unauthorizedIsPermanent() {
    assertCreateFails(CreateFailure.UNAUTHORIZED);
  }

  @Test
  void otherClientErrorIsPermanent() {
    assertCreateFails(CreateFailure.OTHER_CLIENT_ERROR);
  }

  @Test
  void serverErrorIsAmbiguousAndNotResent() {
    assertCreateFails(CreateFailure.SERVER_ERROR);
    assertThat(fixture.createRequestsReceived()).as("create requests received").isEqualTo(1);
  }

  @Test
  void timeoutAfterSendingIsAmbiguousAndNotResent() {
    assertCreateFails(CreateFailure.TIMEOUT_AFTER_SEND);
    assertThat(fixture.createRequestsReceived()).as("create requests received").isEqualTo(1);
  }

  @Test
  void connectionRefusedIsRetryable() {
    assertCreateFails(CreateFailure.CONNECTION_REFUSED);
  }

  /** Places the suite's call against {@code failure} and checks its classification. */
  protected ProviderException assertCreateFails(CreateFailure failure) {
    assumeTrue(fixture.createFailures().contains(failure), failure + " not supported by fixture");
    CallProvider provider = fixture.stubCreateFailure(failure);
    ProviderException e = awaitFailure(provider.place(request(provider)), ProviderException.class);
    assertThat(e.isRetryable())
        .as(failure + " retryable")
        .isEqualTo(failure.classification() == Classification.RETRYABLE);
    assertThat(e.isAmbiguous())
        .as(failure + " ambiguous")
        .isEqualTo(failure.classification() == Classification.AMBIGUOUS);
    if (failure.reason() != null) {
      assertThat(e.reason()).as(failure + " reason").isEqualTo(failure.reason());
    }
    assertThat(e.provider()).isEqualTo(provider.name());
    assertNoSecret(e.getMessage());
    return e;
  }

  // ---- webhooks ----

  @TestFactory
  Stream<DynamicTest> everyStatusIsParsed() {
    CallProvider provider = fixture.provider();
    return fixture.webhookStatuses().stream()
        .map(
            status ->
                DynamicTest.dynamicTest(
                    status.name(),
                    () -> {
                      List<CallStatusUpdate> updates =
                          provider.parseWebhook(
                              fixture.webhook(callbackUrl(provider), "call-1", status));
                      assertThat(updates).hasSize(1);
                      CallStatusUpdate u = updates.get(0);
                      assertThat(u.status()).isEqualTo(status);
                      assertThat(u.rawStatus()).isNotBlank();
                      assertThat(u.providerCallId()).isIn("call-1", null);
                      if (status == CallStatus.VOICEMAIL) {
                        assertThat(u.answeredBy()).isNotNull();
                        assertThat(u.answeredBy().isMachine()).isTrue();
                      }
                    }));
  }

  /**
   * A provider that reports only the end of a call (no ringing, no answer: {@code progressEvents}
   * false) sends only terminal statuses, and each parses as one: the dialer frees the slot on it.
   */
  @Test
  void aProviderWithoutProgressEventsReportsOnlyTheEnd() {
    CallProvider provider = fixture.provider();
    assumeTrue(!provider.capabilities().progressEvents(), "provider reports progress");
    for (CallStatus status : fixture.webhookStatuses()) {
      assertThat(status.isTerminal())
          .as(status + " from a provider that reports only the end")
          .isTrue();
      List<CallStatusUpdate> updates =
          provider.parseWebhook(fixture.webhook(callbackUrl(provider), "call-1", status));
      assertThat(updates).allSatisfy(u -> assertThat(u.status().isTerminal()).isTrue());
    }
  }

  /**
   * A provider that takes no callback URL per call must name its own call id in every webhook: it
   * is the only way Dialkit finds the call (within the tenant the provider's URL names).
   */
  @Test
  void aProviderWithoutPerCallCallbacksNamesItsCallIdInEveryWebhook() {
    CallProvider provider = fixture.provider();
    assumeTrue(!provider.capabilities().perCallCallbacks(), "provider takes per-call callbacks");
    for (CallStatus status : fixture.webhookStatuses()) {
      List<CallStatusUpdate> updates =
          provider.parseWebhook(fixture.webhook(callbackUrl(provider), "call-1", status));
      assertThat(updates)
          .as(status.name())
          .allSatisfy(u -> assertThat(u.providerCallId()).isEqualTo("call-1"));
    }
  }

  /**
   * A provider whose create answer names only a request id reveals its call id late, in a webhook
   * that may arrive before that answer is stored. Dialkit can match such a webhook only through its
   * own call id in a per-call callback URL, and then attaches the provider's call id on first
   * sight: so the provider must take per-call callbacks and name its call id in every webhook.
   */
  @Test
  void aProviderThatRevealsItsCallIdLateLetsItsFirstWebhookFindTheCall() {
    CallProvider provider = fixture.provider();
    fixture.stubCreateAccepted();
    PlacedCall placed = await(provider.place(request(provider)));
    assumeTrue(placed.providerCallId() == null, "the create answer names the call id");
    assertThat(placed.providerRequestId())
        .as("an answer without a call id names a request")
        .isNotNull();
    assertThat(provider.capabilities().perCallCallbacks())
        .as("a late call id can only be matched through Dialkit's call id in the callback URL")
        .isTrue();
    for (CallStatus status : fixture.webhookStatuses()) {
      List<CallStatusUpdate> updates =
          provider.parseWebhook(fixture.webhook(callbackUrl(provider), "call-1", status));
      assertThat(updates)
          .as(status.name())
          .isNotEmpty()
          .allSatisfy(u -> assertThat(u.providerCallId()).isEqualTo("call-1"));
    }
  }

  @Test
  void unknownStatusIsUnknownAndKeepsTheRawValue() {
    CallProvider provider = fixture.provider();
    String raw = "teleported-" + System.nanoTime() % 1000;
    List<CallStatusUpdate> updates =
        provider.parseWebhook(fixture.webhookWithRawStatus(callbackUrl(provider), "call-1", raw));
    assertThat(updates)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.status()).isEqualTo(CallStatus.UNKNOWN);
              assertThat(u.rawStatus()).isEqualTo(raw);
            });
  }

  @Test
  void malformedWebhookIsRejectedAsMalformed() {
    CallProvider provider = fixture.provider();
    assertThatThrownBy(() -> provider.parseWebhook(fixture.malformedWebhook(callbackUrl(provider))))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED));
  }

  @Test
  void wronglySignedWebhookIsRejected() {
    CallProvider provider = fixture.provider();
    assumeTrue(provider.capabilities().signsWebhooks(), "provider does not sign webhooks");
    assertSignatureRejected(
        provider,
        fixture.webhookSignedWrongly(callbackUrl(provider), "call-1", CallStatus.COMPLETED));
  }

  @Test
  void unsignedWebhookIsRejected() {
    CallProvider provider = fixture.provider();
    assumeTrue(provider.capabilities().signsWebhooks(), "provider does not sign webhooks");
    WebhookRequest signed = fixture.webhook(callbackUrl(provider), "call-1", CallStatus.COMPLETED);
    assertSignatureRejected(provider, fixture.withoutSignature(signed));
  }

  @Test
  void webhookWithAlteredUrlIsRejected() {
    CallProvider provider = fixture.provider();
    assumeTrue(provider.capabilities().signsWebhooks(), "provider does not sign webhooks");
    WebhookRequest signed = fixture.webhook(callbackUrl(provider), "call-1", CallStatus.COMPLETED);
    String url =
        signed
            .url()
            .toString()
            .replace(Webhooks.CALL_PARAMETER + "=", Webhooks.CALL_PARAMETER + "=x");
    assertSignatureRejected(
        provider,
        new WebhookRequest(signed.method(), URI.create(url), signed.headers(), signed.body()));
  }

  private void assertSignatureRejected(CallProvider provider, WebhookRequest request) {
    assertThatThrownBy(() -> provider.parseWebhook(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE));
  }

  // ---- hang up ----

  @Test
  void hangUpBeforeAnswerCancels() {
    assertHangsUp(CallStatus.RINGING);
  }

  @Test
  void hangUpAfterAnswerEndsTheCall() {
    assertHangsUp(CallStatus.ANSWERED);
  }

  private void assertHangsUp(CallStatus status) {
    CallProvider provider = fixture.provider();
    if (!provider.capabilities().hangUp()) {
      awaitFailure(provider.hangUp(call("call-1", status)), UnsupportedOperationException.class);
      return;
    }
    fixture.stubHangUp("call-1");
    await(provider.hangUp(call("call-1", status)));
    fixture.verifyHungUp("call-1", status);
  }

  @Test
  void hangUpOfAnEndedCallCompletesNormally() {
    CallProvider provider = fixture.provider();
    assumeTrue(provider.capabilities().hangUp(), "provider cannot hang up");
    fixture.stubHangUpOfEndedCall("call-1");
    await(provider.hangUp(call("call-1", CallStatus.ANSWERED)));
  }

  // ---- status query ----

  @TestFactory
  Stream<DynamicTest> statusQueryReportsEveryStatus() {
    CallProvider provider = fixture.provider();
    if (!provider.capabilities().statusQuery()) {
      return Stream.of(
          DynamicTest.dynamicTest(
              "unsupported",
              () ->
                  awaitFailure(
                      provider.queryStatus(call("call-1", CallStatus.RINGING)),
                      UnsupportedOperationException.class)));
    }
    return fixture.queryStatuses().stream()
        .map(
            status ->
                DynamicTest.dynamicTest(
                    status.name(),
                    () -> {
                      fixture.stubStatus("call-1", status);
                      Optional<CallStatusUpdate> u =
                          await(provider.queryStatus(call("call-1", CallStatus.RINGING)));
                      assertThat(u).isPresent();
                      assertThat(u.get().status()).isEqualTo(status);
                      assertThat(u.get().rawStatus()).isNotBlank();
                      assertThat(u.get().providerCallId()).isIn("call-1", null);
                    }));
  }

  @Test
  void statusQueryOfAnUnknownCallIsEmpty() {
    CallProvider provider = fixture.provider();
    assumeTrue(provider.capabilities().statusQuery(), "provider cannot be asked");
    fixture.stubUnknownCall("call-1");
    assertThat(await(provider.queryStatus(call("call-1", CallStatus.RINGING)))).isEmpty();
  }

  // ---- secrets ----

  @Test
  void noSecretInToString() {
    assertNoSecret(fixture.provider().toString());
  }

  /** Fails if {@code text} contains any of the fixture's secrets. */
  protected void assertNoSecret(String text) {
    for (String secret : fixture.secrets()) {
      assertThat(text).as("a secret leaked").doesNotContain(secret);
    }
  }

  // ---- helpers ----

  protected static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(STAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("stage failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete within " + STAGE_TIMEOUT, e);
    }
  }

  protected static <E extends Throwable> E awaitFailure(CompletionStage<?> stage, Class<E> type) {
    try {
      Object value =
          stage.toCompletableFuture().get(STAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return fail("expected " + type.getSimpleName() + " but the stage completed with " + value);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof java.util.concurrent.CompletionException
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertThat(cause).isInstanceOf(type);
      return type.cast(cause);
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete within " + STAGE_TIMEOUT, e);
    }
  }
}
