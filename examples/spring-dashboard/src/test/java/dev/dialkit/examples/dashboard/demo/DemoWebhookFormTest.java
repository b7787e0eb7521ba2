package dev.dialkit.examples.dashboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo provider's callbacks: what it sends parses back, and hostile bodies are refused. */
class DemoWebhookFormTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:00:01.250Z");
  private static final URI URL =
      URI.create("http://127.0.0.1/dialkit/webhooks/demo?dialkit_call=c.1");

  @Test
  void aCompletedCallParsesWithItsSimulatedTalkTime() {
    String body =
        DemoWebhookForm.encode(
            "DEMO7", 3, new DemoEvent(Duration.ZERO, "completed", "human", 45L, null), AT);

    CallStatusUpdate update = DemoWebhookForm.parse(WebhookRequest.formPost(URL, Map.of(), body));

    assertThat(update.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(update.providerCallId()).isEqualTo("DEMO7");
    assertThat(update.sequence()).isEqualTo(3);
    assertThat(update.occurredAt()).isEqualTo(AT);
    assertThat(update.duration()).isEqualTo(Duration.ofSeconds(45));
    assertThat(update.answeredBy()).isEqualTo(AnsweredBy.HUMAN);
  }

  @Test
  void aMachineThatAnsweredIsVoicemail() {
    String body =
        DemoWebhookForm.encode(
            "DEMO8",
            2,
            new DemoEvent(Duration.ZERO, "completed", "machine_end_beep", 9L, null),
            AT);

    assertThat(DemoWebhookForm.parse(WebhookRequest.formPost(URL, Map.of(), body)).status())
        .isEqualTo(CallStatus.VOICEMAIL);
  }

  @Test
  void anUnknownStatusKeepsItsRawValue() {
    CallStatusUpdate update =
        DemoWebhookForm.parse(
            WebhookRequest.formPost(URL, Map.of(), "CallSid=D1&CallStatus=teleported"));

    assertThat(update.status()).isEqualTo(CallStatus.UNKNOWN);
    assertThat(update.rawStatus()).isEqualTo("teleported");
  }

  @Test
  void hostileBodiesAreMalformedNamingTheField() {
    assertMalformed("CallStatus=completed", "CallSid");
    assertMalformed("CallSid=D1&CallStatus=completed&Timestamp=yesterday", "Timestamp");
    assertMalformed("CallSid=D1&CallStatus=completed&CallDuration=-5", "CallDuration");
    assertMalformed("CallSid=D1&CallStatus=completed&SequenceNumber=x", "SequenceNumber");
    assertMalformed("CallSid=D1&CallStatus=completed&Timestamp=1900-01-01T00:00:00Z", "");
    assertMalformed("CallSid=%zz", "form encoding");
    assertThatThrownBy(
            () ->
                DemoWebhookForm.parse(
                    new WebhookRequest("POST", URL, Map.of(), "CallSid=D1&CallStatus=busy")))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageContaining("content type");
  }

  private static void assertMalformed(String body, String field) {
    assertThatThrownBy(() -> DemoWebhookForm.parse(WebhookRequest.formPost(URL, Map.of(), body)))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED))
        .hasMessageContaining(field);
  }
}
