package dev.dialkit.provider.plivo;

import static dev.dialkit.provider.plivo.PlivoPayloads.AUTH_TOKEN;
import static dev.dialkit.provider.plivo.PlivoPayloads.NONCE;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.testkit.FuzzWorld;
import dev.dialkit.testkit.JazzerChoices;
import dev.dialkit.testkit.WebhookFuzzer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the whole webhook path through Plivo: Plivo's documented ring, answer
 * and hangup callbacks for calls placed by a real dialer (through WireMock) in two tenants that
 * share one account, mutated and signed (V3) or not as Jazzer chooses. The properties are {@link
 * WebhookFuzzer}'s.
 *
 * <p>In the build's {@code fuzz} execution this fuzzes for {@code dialkit.fuzz.duration}; elsewhere
 * it replays the saved findings in {@code PlivoWebhookFuzzTestInputs}.
 */
class PlivoWebhookFuzzTest {
  private static final List<CallStatus> PAYLOADS =
      List.of(
          CallStatus.RINGING,
          CallStatus.ANSWERED,
          CallStatus.COMPLETED,
          CallStatus.VOICEMAIL,
          CallStatus.BUSY,
          CallStatus.NO_ANSWER,
          CallStatus.FAILED);

  private static PlivoWireMockFixture fx;
  private static FuzzWorld world;
  private static WebhookFuzzer fuzzer;

  @BeforeAll
  static void twoCallsInEachOfTwoTenants() {
    fx = new PlivoWireMockFixture();
    world =
        FuzzWorld.place(
            fx.provider(),
            List.of(TenantId.of("acme"), TenantId.of("beta")),
            2,
            i -> fx.stubCreateAccepted(String.format("9834029e-58b6-11e1-8da3-%012x", i + 1)),
            () -> fx.callbackUrlsSent().get(0));
    WebhookFuzzer.Builder b =
        WebhookFuzzer.builder()
            .dialer(world.dialer())
            .calls(world.calls())
            .callbackUrl(world::callbackUrl)
            .signer(
                PlivoWebhookFuzzTest::sign,
                PlivoSignatureV3.HEADER,
                PlivoSignatureV3.MAIN_ACCOUNT_HEADER,
                PlivoSignatureV3.NONCE_HEADER);
    for (CallStatus status : PAYLOADS) {
      b.payload(call -> PlivoPayloads.encode(fields(call, status)));
    }
    fuzzer = b.build();
  }

  /** The callback's fields for {@code call}: its request id, and a call id made from it. */
  private static Map<String, String> fields(Call call, CallStatus status) {
    String request = call.providerRequestId();
    String callUuid = "c" + request.substring(1);
    Map<String, String> f = PlivoPayloads.fields(callUuid, status);
    f.put("RequestUUID", request);
    f.put("ALegRequestUUID", request);
    return f;
  }

  @AfterAll
  static void close() {
    // how far the requests got: a run that only ever reaches 403 has fuzzed nothing behind it
    System.out.printf(
        "%s: %d webhooks handled, by status %s%n",
        "Plivo webhook fuzz", fuzzer.requests(), new java.util.TreeMap<>(fuzzer.statuses()));
    world.close();
    fx.close();
  }

  /** Plivo's V3 signature over the URL, the body's parameters and the nonce. */
  private static Map<String, List<String>> sign(URI url, String body) {
    try {
      String signature =
          new PlivoSignatureV3(AUTH_TOKEN)
              .sign("POST", url.toString(), WebhookRequest.decodeForm(body), NONCE);
      return Map.of(
          PlivoSignatureV3.HEADER,
          List.of(signature),
          PlivoSignatureV3.NONCE_HEADER,
          List.of(NONCE));
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void webhookPath(FuzzedDataProvider data) {
    fuzzer.exercise(new JazzerChoices(data));
  }
}
