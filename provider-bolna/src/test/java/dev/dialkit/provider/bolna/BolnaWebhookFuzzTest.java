package dev.dialkit.provider.bolna;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.testkit.internal.fuzz.WorldState;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the whole webhook path through Bolna: Bolna's documented execution
 * payloads for calls placed by a real dialer (through WireMock) in two tenants, mutated as Jazzer
 * chooses, posted with Dialkit's token intact, stripped or replaced. It holds the properties of the
 * testkit's {@code WebhookFuzzer}: {@code handle} returns, never 5xx; a request without a valid
 * token changes nothing; a request with one changes nothing of another tenant; no counter goes
 * negative.
 *
 * <p>Why not {@code WebhookFuzzer} itself: it signs with headers, and Bolna's only authenticity is
 * the token in the URL, so its "unsigned" requests would carry a valid token. This harness varies
 * the token instead. The URL is the per-call one Dialkit makes, as today's pipeline accepts no
 * other (see BolnaDialerIntegrationTest).
 *
 * <p>In the build's {@code fuzz} execution this fuzzes for {@code dialkit.fuzz.duration}; elsewhere
 * it replays the saved findings in {@code BolnaWebhookFuzzTestInputs}.
 */
class BolnaWebhookFuzzTest {
  private static final List<CallStatus> STATUSES =
      List.of(
          CallStatus.QUEUED,
          CallStatus.INITIATED,
          CallStatus.RINGING,
          CallStatus.ANSWERED,
          CallStatus.COMPLETED,
          CallStatus.VOICEMAIL,
          CallStatus.BUSY,
          CallStatus.NO_ANSWER,
          CallStatus.FAILED,
          CallStatus.CANCELED);
  private static final List<String> RAW_STATUSES =
      List.of("call-disconnected", "stopped", "error", "balance-low", "rescheduled", "scheduled");
  private static final List<String> FIELDS =
      List.of(
          "id",
          "execution_id",
          "status",
          "conversation_duration",
          "conversation_time",
          "updated_at",
          "answered_by_voice_mail",
          "transcript",
          "error_message",
          "telephony_data",
          "context_details");
  private static final List<String> TELEPHONY_FIELDS =
      List.of("hangup_reason", "hangup_provider_code", "hangup_code", "hangup_by", "recording_url");

  private static BolnaWireMockFixture fx;
  private static BolnaWorld world;
  private static final Map<Integer, Long> answered = new TreeMap<>();
  private static long requests;

  @BeforeAll
  static void twoCallsInEachOfTwoTenants() {
    fx = new BolnaWireMockFixture();
    world = new BolnaWorld(fx.provider());
    for (TenantId tenant : List.of(TenantId.of("acme"), TenantId.of("beta"))) {
      for (int i = 0; i < 2; i++) {
        String id = String.format("4c06b4d1-4096-4561-919a-%012x", world.calls.size() + 1);
        world.place(tenant, () -> fx.stubCreateAccepted(id));
      }
    }
  }

  @AfterAll
  static void close() {
    System.out.printf(
        "Bolna webhook fuzz: %d webhooks handled, by status %s%n", requests, answered);
    world.close();
    fx.close();
  }

  @FuzzTest(maxDuration = "30s")
  void webhookPath(FuzzedDataProvider data) {
    List<Call> calls = world.calls;
    Call target = calls.get(data.consumeInt(0, calls.size() - 1));
    ObjectNode execution =
        data.consumeBoolean()
            ? BolnaPayloads.forStatus(
                target.providerCallId(), STATUSES.get(data.consumeInt(0, STATUSES.size() - 1)))
            : BolnaPayloads.execution(
                target.providerCallId(),
                RAW_STATUSES.get(data.consumeInt(0, RAW_STATUSES.size() - 1)));
    if (data.consumeBoolean()) {
      Call named = calls.get(data.consumeInt(0, calls.size() - 1));
      ((ObjectNode) execution.get("context_details").get("recipient_data"))
          .put(Webhooks.CALL_PARAMETER, named.id().value());
    }
    for (int steps = data.consumeInt(0, 3); steps > 0; steps--) {
      mutate(execution, calls, data);
    }
    String body = execution.toString();
    switch (data.consumeInt(0, 3)) {
      case 0 -> body = data.consumeString(512); // anything at all
      case 1 -> {
        int at = data.consumeInt(0, body.length());
        body = body.substring(0, at) + data.consumeString(16) + body.substring(at);
      }
      default -> {}
    }
    Call urlCall = data.consumeBoolean() ? target : calls.get(data.consumeInt(0, calls.size() - 1));
    String url = world.perCallUrl(urlCall).toString();
    int token = data.consumeInt(0, 2); // 0 intact, 1 stripped, 2 replaced
    if (token == 1) {
      url = url.replaceAll("&?dialkit_token=[^&]*", "");
    } else if (token == 2) {
      url =
          url.replaceAll(
              "dialkit_token=[^&]*",
              "dialkit_token=" + URLEncoder.encode(data.consumeString(64), StandardCharsets.UTF_8));
    }
    if (data.consumeBoolean()) {
      url = url.replace("dialkit_tenant=" + urlCall.tenant().value(), "dialkit_tenant=beta");
    }
    boolean signed = token == 0 && url.equals(world.perCallUrl(urlCall).toString());
    WebhookRequest request;
    try {
      request =
          new WebhookRequest(
              "POST",
              URI.create(url),
              Map.of("Content-Type", List.of(data.consumeBoolean() ? "application/json" : "")),
              body);
    } catch (IllegalArgumentException e) {
      return;
    }
    WorldState before = WorldState.of(world.dialer, calls);
    WebhookResponse response;
    try {
      response = world.dialer.webhooks().handle(request);
    } catch (RuntimeException e) {
      throw new AssertionError("handle threw for " + describe(request), e);
    }
    requests++;
    answered.merge(response.status(), 1L, Long::sum);
    if (response.status() >= 500) {
      throw new AssertionError("answered " + response.status() + " to " + describe(request));
    }
    WorldState after = WorldState.of(world.dialer, calls);
    if (!signed) {
      after.requireSameAs(
          before, "a request without a valid token changed the state: " + describe(request));
    } else {
      after.requireSameOutside(
          before,
          request.queryParameter(Webhooks.TENANT_PARAMETER),
          "a signed request changed another tenant's state: " + describe(request));
    }
    after.requireNoNegativeCounter(describe(request));
  }

  /** One change to the execution: a field set to something else, or removed. */
  private static void mutate(ObjectNode execution, List<Call> calls, FuzzedDataProvider data) {
    ObjectNode node = execution;
    String field = FIELDS.get(data.consumeInt(0, FIELDS.size() - 1));
    if (field.equals("telephony_data") && execution.get(field) instanceof ObjectNode t) {
      node = t;
      field = TELEPHONY_FIELDS.get(data.consumeInt(0, TELEPHONY_FIELDS.size() - 1));
    }
    switch (data.consumeInt(0, 6)) {
      case 0 -> node.remove(field);
      case 1 -> node.put(field, data.consumeString(64));
      case 2 -> node.put(field, data.consumeLong());
      case 3 -> node.put(field, data.consumeDouble());
      case 4 -> node.put(field, data.consumeBoolean());
      case 5 -> node.putNull(field);
      default -> node.put(field, calls.get(data.consumeInt(0, calls.size() - 1)).providerCallId());
    }
  }

  private static String describe(WebhookRequest r) {
    return "POST " + r.url() + " body <" + r.body() + ">";
  }
}
