package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.testkit.internal.SimulatedWebhookCodec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks built to hurt, each correctly signed unless it says otherwise: absurd values, another
 * tenant's or another call's ids, broken encodings, control characters, a store or a parser that
 * fails. {@code handle} never throws, answers 4xx for the sender's fault and 5xx only for
 * Dialkit's, and a rejected webhook changes nothing. Two tenants share the simulated provider's
 * account here.
 */
class HostileWebhookTest {
  static final SimulatedWebhookCodec SIGNER =
      new SimulatedWebhookCodec(SimulatedCallProviderBuilder.DEFAULT_SIGNING_SECRET);
  static final TenantId ACME = DialerRig.TENANT;
  static final TenantId BETA = TenantId.of("beta");
  static final String FORM = "application/x-www-form-urlencoded";

  private DialerRig rig;
  private Call acme;
  private Call beta;

  @BeforeEach
  void oneCallRingingPerTenant() {
    rig = new DialerRig(ConcurrencyPolicy.builder().global(2).perTenant(1).build(), p -> p);
    acme = ringing(rig, ACME, null);
    beta = ringing(rig, BETA, null);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  /** Starts a one-lead campaign of {@code tenant} and runs until its call has a provider id. */
  static Call ringing(DialerRig rig, TenantId tenant, String provider) {
    CampaignId id = rig.campaign(tenant, "hostile-" + tenant, s -> s.provider(provider));
    rig.dialer.leads().add(tenant, id, DialerRig.leads(tenant.equals(ACME) ? 0 : 1, 1));
    rig.dialer.start();
    rig.dialer.campaigns().start(tenant, id);
    rig.scheduler.runUntil(
        () ->
            rig.store.findActiveCalls(tenant, id).stream()
                .anyMatch(c -> c.providerCallId() != null));
    return rig.store.findActiveCalls(tenant, id).get(0);
  }

  static URI url(String provider, TenantId tenant, Call call) {
    return URI.create(
        "https://dialkit.example/webhooks/"
            + provider
            + "?"
            + (call == null ? "" : Webhooks.CALL_PARAMETER + "=" + call.id() + "&")
            + Webhooks.PROVIDER_PARAMETER
            + "="
            + provider
            + "&"
            + Webhooks.TENANT_PARAMETER
            + "="
            + tenant);
  }

  private static URI url(TenantId tenant, Call call) {
    return url(SimulatedCallProviderBuilder.DEFAULT_NAME, tenant, call);
  }

  static WebhookRequest signed(SimulatedWebhookCodec signer, URI url, String body) {
    return new WebhookRequest(
        "POST",
        url,
        Map.of(
            "Content-Type",
            List.of(FORM),
            SimulatedCallProvider.SIGNATURE_HEADER,
            List.of(signer.sign(url.toString(), body))),
        body);
  }

  private WebhookResponse handle(URI url, String body) {
    return rig.dialer.webhooks().handle(signed(SIGNER, url, body));
  }

  static String body(String sid, String status, long sequence) {
    return "CallSid="
        + sid
        + "&CallStatus="
        + status
        + "&Timestamp=2026-03-02T09:05:00.000Z&SequenceNumber="
        + sequence;
  }

  /** Everything a rejected webhook could have touched, for both tenants. */
  record Snapshot(List<Call> calls, List<List<CallLogEntry>> logs, List<Object> counters) {}

  static Snapshot snapshot(DialerRig rig, Call... calls) {
    return new Snapshot(
        java.util.Arrays.stream(calls)
            .map(c -> rig.dialer.calls().get(c.tenant(), c.id()).orElseThrow())
            .toList(),
        java.util.Arrays.stream(calls).map(c -> fullLog(rig, c)).toList(),
        java.util.Arrays.stream(calls)
            .map(c -> (Object) rig.dialer.campaigns().get(c.tenant(), c.campaignId()).counters())
            .toList());
  }

  private Snapshot snapshot() {
    return snapshot(rig, acme, beta);
  }

  static List<CallLogEntry> fullLog(DialerRig rig, Call call) {
    return rig.store
        .campaignLog(
            call.tenant(),
            call.campaignId(),
            dev.dialkit.campaign.PageRequest.after(0, dev.dialkit.campaign.PageRequest.MAX_LIMIT))
        .items();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "&CallDuration=9223372036854775807",
        "&CallDuration=604801",
        "&CallDuration=-1",
        "&CallDuration=99999999999999999999999",
        "&AnswerTime=0001-01-01T00:00:00.000Z",
        "&EndTime=%2B999999999-12-31T23:59:59.999Z",
        "&AnswerTime=1970-01-01T00:00:00Z",
        "&Timestamp=2200-01-01T00:00:00Z",
        "&SequenceNumber=1000000001",
        "&SequenceNumber=-1",
        "&ErrorCode=",
      })
  void absurdValuesAre400AndChangeNothing(String field) {
    Snapshot before = snapshot();
    String value = field.equals("&ErrorCode=") ? field + "x".repeat(5000) : field;
    // a later field of the same name does not replace the first, so the absurd one comes first
    String body =
        "CallSid="
            + acme.providerCallId()
            + value
            + "&CallStatus=completed&Timestamp=2026-03-02T09:05:00.000Z&SequenceNumber=9"
            + "&CallDuration=30";
    WebhookResponse response = handle(url(ACME, acme), body);
    assertThat(response.status()).as(field).isEqualTo(400);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void theLongestLegalDurationKeepsTheCountersPositive() {
    String body =
        "CallSid="
            + acme.providerCallId()
            + "&CallStatus=completed&Timestamp=2026-03-02T09:05:00.000Z&SequenceNumber=9"
            + "&CallDuration=604800";
    assertThat(handle(url(ACME, acme), body).status()).isEqualTo(200);
    var counters = rig.dialer.campaigns().get(ACME, acme.campaignId()).counters();
    assertThat(counters.values().values()).allMatch(v -> v >= 0);
    assertThat(counters.get(dev.dialkit.campaign.Counter.TALK_MILLIS)).isEqualTo(604_800_000L);
  }

  @Test
  void aCallFoundByProviderIdMustBelongToTheUrlsTenant() {
    Snapshot before = snapshot();
    // tenant B's URL, no Dialkit call id, tenant A's provider call id: same account, so signed
    assertThat(handle(url(BETA, null), body(acme.providerCallId(), "completed", 9)).status())
        .isEqualTo(404);
    assertThat(handle(url(ACME, null), body(beta.providerCallId(), "completed", 9)).status())
        .isEqualTo(404);
    assertThat(snapshot()).isEqualTo(before);
    // the control: the right tenant's URL finds the call by its provider id
    assertThat(handle(url(ACME, null), body(acme.providerCallId(), "completed", 9)).status())
        .isEqualTo(200);
  }

  @Test
  void aCallNamedInTheUrlMustBeTheUrlsTenantsAndCarryTheBodysProviderId() {
    Snapshot before = snapshot();
    assertThat(handle(url(BETA, acme), body(acme.providerCallId(), "completed", 9)).status())
        .as("tenant A's call under tenant B's URL")
        .isEqualTo(404);
    assertThat(handle(url(ACME, acme), body(beta.providerCallId(), "completed", 9)).status())
        .as("tenant A's call with tenant B's provider id")
        .isEqualTo(404);
    assertThat(handle(url(BETA, beta), body(acme.providerCallId(), "completed", 9)).status())
        .as("tenant B's call with tenant A's provider id")
        .isEqualTo(404);
    assertThat(handle(url(ACME, acme), body("SIM999", "completed", 9)).status())
        .as("a provider id the call does not have")
        .isEqualTo(404);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aCallNamedInTheBodyMustBeTheUrlsTenantsAndCarryTheBodysProviderId() {
    Snapshot before = snapshot();
    rig.flaky.bodyCallId = acme.id();
    assertThat(handle(url(BETA, null), body(acme.providerCallId(), "completed", 9)).status())
        .as("tenant A's call named in the body, tenant B's URL")
        .isEqualTo(404);
    assertThat(handle(url(ACME, null), body(beta.providerCallId(), "completed", 9)).status())
        .as("tenant A's call named in the body with tenant B's provider id")
        .isEqualTo(404);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(handle(url(ACME, null), body(acme.providerCallId(), "completed", 9)).status())
        .as("the control")
        .isEqualTo(200);
  }

  @Test
  void anUnsignedBodyWithABrokenEscapeIs403Not400() {
    Snapshot before = snapshot();
    WebhookRequest forged =
        WebhookRequest.formPost(url(ACME, acme), Map.of(), "CallSid=%zz&CallStatus=completed");
    assertThat(rig.dialer.webhooks().handle(forged).status()).isEqualTo(403);
    WebhookRequest wronglySigned =
        signed(new SimulatedWebhookCodec("not-the-secret"), url(ACME, acme), "CallSid=%zz");
    assertThat(rig.dialer.webhooks().handle(wronglySigned).status()).isEqualTo(403);
    // invalid UTF-8 in the query's escapes decodes (to U+FFFD) to a tenant id that is not valid
    URI invalidUtf8 = URI.create(url(ACME, null) + "%C3%28");
    assertThat(handle(invalidUtf8, body(acme.providerCallId(), "completed", 9)).status())
        .isEqualTo(400);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void controlCharactersNeverReachTheResponseRaw() {
    String body = body(acme.providerCallId(), "completed", 9) + "&CallDuration=1%0D%0AFORGED";
    WebhookResponse bad = handle(url(ACME, acme), body);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).doesNotContain("\r", "\n").contains("\\r\\nFORGED");

    URI unknownProvider =
        URI.create(
            "https://dialkit.example/webhooks/x?"
                + Webhooks.PROVIDER_PARAMETER
                + "=evil%0D%0A2026-01-01%20INFO%20forged");
    WebhookResponse unknown = handle(unknownProvider, body(acme.providerCallId(), "completed", 9));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).doesNotContain("\r", "\n", "evil", "forged");
  }

  @Test
  void anExactRedeliveryIsADuplicateAndAnOlderEventIsStale() {
    URI url = url(ACME, acme);
    assertThat(handle(url, body(acme.providerCallId(), "in-progress", 50)).status()).isEqualTo(200);
    assertThat(handle(url, body(acme.providerCallId(), "in-progress", 50)).status()).isEqualTo(200);
    assertThat(lastEvent()).isEqualTo(CallLogEvent.STATUS_DUPLICATE);
    assertThat(handle(url, body(acme.providerCallId(), "ringing", 49)).status()).isEqualTo(200);
    assertThat(lastEvent()).isEqualTo(CallLogEvent.STATUS_STALE);
  }

  private CallLogEvent lastEvent() {
    List<CallLogEntry> log =
        fullLog(rig, acme).stream().filter(e -> acme.id().equals(e.callId())).toList();
    return log.get(log.size() - 1).event();
  }

  @Test
  void aStoreThatFailsIs503Or500AndNeverThrows() {
    Snapshot before = snapshot();
    rig.lookupFailure = new StoreException("database restarting", true);
    WebhookRequest request =
        signed(SIGNER, url(ACME, acme), body(acme.providerCallId(), "completed", 9));
    assertThat(rig.dialer.webhooks().handle(request).status()).isEqualTo(503);
    rig.lookupFailure = new StoreException("schema missing", false);
    assertThat(rig.dialer.webhooks().handle(request).status()).isEqualTo(500);
    rig.lookupFailure = new IllegalStateException("a bug");
    assertThat(rig.dialer.webhooks().handle(request).status()).isEqualTo(500);
    rig.lookupFailure = null;
    assertThat(snapshot()).isEqualTo(before);
    assertThat(rig.dialer.webhooks().handle(request).status()).as("sent again").isEqualTo(200);
  }

  @Test
  void aParserThatThrowsIs500AndNeverThrows() {
    Snapshot before = snapshot();
    rig.flaky.parseFailure = new NullPointerException("provider module bug");
    WebhookRequest request =
        signed(SIGNER, url(ACME, acme), body(acme.providerCallId(), "completed", 9));
    assertThatCode(() -> assertThat(rig.dialer.webhooks().handle(request).status()).isEqualTo(500))
        .doesNotThrowAnyException();
    rig.flaky.parseFailure = new ArithmeticException("long overflow");
    assertThat(rig.dialer.webhooks().handle(request).status()).isEqualTo(500);
    assertThat(snapshot()).isEqualTo(before);
  }
}
