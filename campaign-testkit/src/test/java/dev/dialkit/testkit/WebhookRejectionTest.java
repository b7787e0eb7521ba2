package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.ConcurrencyPolicy;
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

/** Bad webhooks get a 4xx and change nothing. */
class WebhookRejectionTest {
  private static final SimulatedWebhookCodec SIGNER =
      new SimulatedWebhookCodec(SimulatedCallProviderBuilder.DEFAULT_SIGNING_SECRET);

  private DialerRig rig;
  private CampaignId id;
  private Call call;

  @BeforeEach
  void oneCallRinging() {
    rig = new DialerRig(ConcurrencyPolicy.builder().global(1).perTenant(1).build(), p -> p);
    id = rig.startCampaign("webhooks", 1, s -> s);
    rig.scheduler.runUntil(
        () ->
            rig.store.findActiveCalls(DialerRig.TENANT, id).stream()
                .anyMatch(c -> c.providerCallId() != null));
    call = rig.store.findActiveCalls(DialerRig.TENANT, id).get(0);
  }

  @AfterEach
  void close() {
    rig.close();
  }

  private URI url(String callId) {
    return URI.create(
        "https://dialkit.example/webhooks/simulated?dialkit_call="
            + callId
            + "&dialkit_provider=simulated&dialkit_tenant="
            + DialerRig.TENANT);
  }

  private static String completedBody(String sid) {
    return "CallSid="
        + sid
        + "&CallStatus=completed&Timestamp=2026-03-02T09:05:00.000Z"
        + "&SequenceNumber=9&CallDuration=30";
  }

  private static WebhookRequest signed(URI url, String body, String contentType) {
    return new WebhookRequest(
        "POST",
        url,
        Map.of(
            "Content-Type",
            List.of(contentType),
            SimulatedCallProvider.SIGNATURE_HEADER,
            List.of(SIGNER.sign(url.toString(), body))),
        body);
  }

  private WebhookResponse handle(WebhookRequest request) {
    return rig.dialer.webhooks().handle(request);
  }

  /** Everything a rejected webhook could have touched. */
  private record Snapshot(Call call, List<CallLogEntry> log, Object counters) {}

  private Snapshot snapshot() {
    return new Snapshot(
        rig.dialer.calls().get(DialerRig.TENANT, call.id()).orElseThrow(),
        rig.fullLog(id),
        rig.dialer.campaigns().get(DialerRig.TENANT, id).counters());
  }

  @Test
  void aValidWebhookIsApplied() {
    WebhookResponse r =
        handle(
            signed(
                url(call.id().value()),
                completedBody(call.providerCallId()),
                "application/x-www-form-urlencoded"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(
            rig.dialer.calls().get(DialerRig.TENANT, call.id()).orElseThrow().status().isTerminal())
        .isTrue();
  }

  @Test
  void forgedSignatureIs403() {
    Snapshot before = snapshot();
    URI url = url(call.id().value());
    WebhookRequest forged =
        new WebhookRequest(
            "POST",
            url,
            Map.of(
                "Content-Type",
                List.of("application/x-www-form-urlencoded"),
                SimulatedCallProvider.SIGNATURE_HEADER,
                List.of(SIGNER.sign(url.toString(), "x"))),
            completedBody(call.providerCallId()));
    assertThat(handle(forged).status()).isEqualTo(403);
    WebhookRequest unsigned =
        WebhookRequest.formPost(url, Map.of(), completedBody(call.providerCallId()));
    assertThat(handle(unsigned).status()).isEqualTo(403);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void malformedBodyOrWrongContentTypeIs400() {
    Snapshot before = snapshot();
    URI url = url(call.id().value());
    assertThat(
            handle(signed(url, "CallStatus=completed", "application/x-www-form-urlencoded"))
                .status())
        .as("missing CallSid")
        .isEqualTo(400);
    assertThat(handle(signed(url, "{\"CallSid\":1}", "application/json")).status())
        .as("wrong content type")
        .isEqualTo(400);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void unknownCallAndAnotherTenantsCallAre404() {
    Snapshot before = snapshot();
    assertThat(
            handle(
                    signed(
                        url("ld-nope.1"),
                        completedBody("SIM999"),
                        "application/x-www-form-urlencoded"))
                .status())
        .isEqualTo(404);
    URI otherTenant =
        URI.create(
            "https://dialkit.example/webhooks/simulated?dialkit_call="
                + call.id()
                + "&dialkit_provider=simulated&dialkit_tenant=intruder");
    assertThat(
            handle(
                    signed(
                        otherTenant,
                        completedBody(call.providerCallId()),
                        "application/x-www-form-urlencoded"))
                .status())
        .isEqualTo(404);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void unknownProviderIs404AndOversizedBodyIs413() {
    Snapshot before = snapshot();
    URI unknownProvider =
        URI.create("https://dialkit.example/webhooks/x?" + Webhooks.PROVIDER_PARAMETER + "=nope");
    assertThat(
            handle(
                    signed(
                        unknownProvider,
                        completedBody("SIM1"),
                        "application/x-www-form-urlencoded"))
                .status())
        .isEqualTo(404);
    String huge = completedBody(call.providerCallId()) + "&Pad=" + "x".repeat(70 * 1024);
    assertThat(
            handle(signed(url(call.id().value()), huge, "application/x-www-form-urlencoded"))
                .status())
        .isEqualTo(413);
    assertThat(snapshot()).isEqualTo(before);
  }
}
