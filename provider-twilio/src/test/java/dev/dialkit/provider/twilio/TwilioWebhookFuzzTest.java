package dev.dialkit.provider.twilio;

import static dev.dialkit.provider.twilio.TwilioPayloads.AUTH_TOKEN;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.testkit.FuzzWorld;
import dev.dialkit.testkit.JazzerChoices;
import dev.dialkit.testkit.WebhookFuzzer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the whole webhook path through Twilio: Twilio's documented status
 * callbacks for calls placed by a real dialer (through WireMock) in two tenants that share one
 * account, mutated and signed or not as Jazzer chooses. The properties are {@link WebhookFuzzer}'s.
 *
 * <p>In the build's {@code fuzz} execution this fuzzes for {@code dialkit.fuzz.duration} (30 s by
 * default); elsewhere it replays the saved findings in {@code TwilioWebhookFuzzTestInputs}.
 */
class TwilioWebhookFuzzTest {
  private static final List<CallStatus> PAYLOADS =
      List.of(
          CallStatus.RINGING,
          CallStatus.ANSWERED,
          CallStatus.COMPLETED,
          CallStatus.VOICEMAIL,
          CallStatus.BUSY,
          CallStatus.NO_ANSWER,
          CallStatus.FAILED);

  private static TwilioWireMockFixture fx;
  private static FuzzWorld world;
  private static WebhookFuzzer fuzzer;

  @BeforeAll
  static void twoCallsInEachOfTwoTenants() {
    fx = new TwilioWireMockFixture();
    world =
        FuzzWorld.place(
            fx.provider(),
            List.of(TenantId.of("acme"), TenantId.of("beta")),
            2,
            i -> fx.stubCreateAccepted(String.format("CA%032x", i + 1)),
            () -> fx.callbackUrlsSent().get(0));
    WebhookFuzzer.Builder b =
        WebhookFuzzer.builder()
            .dialer(world.dialer())
            .calls(world.calls())
            .callbackUrl(world::callbackUrl)
            .signer(TwilioWebhookFuzzTest::sign, TwilioSignature.HEADER);
    for (CallStatus status : PAYLOADS) {
      b.payload(
          call ->
              TwilioPayloads.encode(TwilioWireMockFixture.fields(call.providerCallId(), status)));
    }
    fuzzer = b.build();
  }

  @AfterAll
  static void close() {
    // how far the requests got: a run that only ever reaches 403 has fuzzed nothing behind it
    System.out.printf(
        "%s: %d webhooks handled, by status %s%n",
        "Twilio webhook fuzz", fuzzer.requests(), new java.util.TreeMap<>(fuzzer.statuses()));
    world.close();
    fx.close();
  }

  /** Twilio's signature over the URL and the body's parameters; none if the body is not a form. */
  private static Map<String, List<String>> sign(java.net.URI url, String body) {
    try {
      String signature =
          new TwilioSignature(AUTH_TOKEN).sign(url.toString(), WebhookRequest.decodeForm(body));
      return Map.of(TwilioSignature.HEADER, List.of(signature));
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  @FuzzTest(maxDuration = "30s")
  void webhookPath(FuzzedDataProvider data) {
    fuzzer.exercise(new JazzerChoices(data));
  }
}
