package dev.dialkit.provider.sanspbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.provider.sanspbx.internal.SansPbxDispositions;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The single post-call webhook: the disposition table, the recording, hostile bodies. */
class SansPbxWebhookTest {
  private static final URI URL =
      URI.create(
          SansPbxPayloads.CALLBACK_BASE
              + "?dialkit_call=lead-1.1&dialkit_provider=sanspbx&dialkit_tenant=acme"
              + "&dialkit_token=t");
  private static final String LINKED_ID = "1728505015.6351";

  private final SansPbxWireMockFixture fx = new SansPbxWireMockFixture();

  @AfterEach
  void stop() {
    fx.close();
  }

  private CallStatusUpdate parse(String body) {
    List<CallStatusUpdate> updates = fx.provider().parseWebhook(SansPbxPayloads.post(URL, body));
    assertThat(updates).hasSize(1);
    return updates.get(0);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("ANSWER", CallStatus.COMPLETED, null),
        Arguments.of("answer", CallStatus.COMPLETED, null),
        Arguments.of("ANSWERED", CallStatus.COMPLETED, null),
        Arguments.of("NOANSWER", CallStatus.NO_ANSWER, null),
        Arguments.of("noanswer", CallStatus.NO_ANSWER, null),
        Arguments.of("NO ANSWER", CallStatus.NO_ANSWER, null),
        Arguments.of("no-answer", CallStatus.NO_ANSWER, null),
        Arguments.of("BUSY", CallStatus.BUSY, null),
        Arguments.of("busy", CallStatus.BUSY, null),
        Arguments.of("FAILED", CallStatus.FAILED, FailureReason.UNKNOWN),
        Arguments.of("failed", CallStatus.FAILED, FailureReason.UNKNOWN),
        Arguments.of("CONGESTION", CallStatus.FAILED, FailureReason.CARRIER_ERROR),
        Arguments.of("CHANUNAVAIL", CallStatus.FAILED, FailureReason.UNREACHABLE),
        Arguments.of("CANCEL", CallStatus.CANCELED, null),
        Arguments.of("DONTCALL", CallStatus.FAILED, FailureReason.REJECTED),
        Arguments.of("TORTURE", CallStatus.FAILED, FailureReason.REJECTED),
        Arguments.of("INVALIDARGS", CallStatus.FAILED, FailureReason.PROVIDER_ERROR));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("table")
  void everyDispositionMapsToATerminalOutcomeAndKeepsTheRawValue(
      String disposition, CallStatus status, FailureReason reason) {
    CallStatusUpdate u = parse(SansPbxPayloads.webhook(disposition, LINKED_ID, null));
    assertThat(u.status()).isEqualTo(status);
    assertThat(u.status().isTerminal()).isTrue();
    assertThat(u.failureReason()).isEqualTo(reason);
    assertThat(u.rawStatus()).isEqualTo(disposition);
    assertThat(u.answeredBy()).isNull();
  }

  @Test
  void theTableIsWhatTheReadmeListsAndEveryEntryIsTerminal() {
    assertThat(SansPbxDispositions.table())
        .hasSize(14)
        .allSatisfy((k, v) -> assertThat(v.status().isTerminal()).as(k).isTrue());
  }

  @Test
  void anUnknownDispositionIsUnknownAndKept() {
    CallStatusUpdate u = parse(SansPbxPayloads.webhook("TRANSFERRED", LINKED_ID, null));
    assertThat(u.status()).isEqualTo(CallStatus.UNKNOWN);
    assertThat(u.rawStatus()).isEqualTo("TRANSFERRED");
  }

  @Test
  void theRecordingPathAndTheBodyAreKept() {
    String body =
        SansPbxPayloads.webhook(
            "ANSWER", LINKED_ID, "/var/spool/asterisk/monitor/2026/03/02/api-6-1.wav");
    CallStatusUpdate u = parse(body);
    assertThat(u.recordingUrl()).isEqualTo("/var/spool/asterisk/monitor/2026/03/02/api-6-1.wav");
    assertThat(u.rawPayload()).isEqualTo(body);
    assertThat(u.answeredAt()).isNull();
    assertThat(u.duration()).isNull();
  }

  @Test
  void linkedidIsTheCallIdOnlyWhenConfigured() {
    String body = SansPbxPayloads.webhook("ANSWER", LINKED_ID, null);
    assertThat(parse(body).providerCallId()).isNull();
    SansPbxProvider trusting = fx.builder().linkedIdIsCallId(true).build();
    assertThat(trusting.parseWebhook(SansPbxPayloads.post(URL, body)).get(0).providerCallId())
        .isEqualTo(LINKED_ID);
  }

  @Test
  void aFormBodyWithTheSameNamesIsReadToo() {
    WebhookRequest form =
        WebhookRequest.formPost(
            URL, Map.of(), "disposition=NOANSWER&Linkedid=1.2&did=6745647&rec_path=%2Ftmp%2Fa.wav");
    CallStatusUpdate u = fx.provider().parseWebhook(form).get(0);
    assertThat(u.status()).isEqualTo(CallStatus.NO_ANSWER);
    assertThat(u.recordingUrl()).isEqualTo("/tmp/a.wav");
  }

  @Test
  void aJsonBodyIsReadWhateverContentTypeSaysButForm() {
    for (String type : new String[] {"text/plain", "", "application/json; charset=utf-8"}) {
      WebhookRequest r =
          new WebhookRequest(
              "POST",
              URL,
              type.isEmpty() ? Map.of() : Map.of("Content-Type", List.of(type)),
              SansPbxPayloads.webhook("BUSY", LINKED_ID, null));
      assertThat(fx.provider().parseWebhook(r).get(0).status()).as(type).isEqualTo(CallStatus.BUSY);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "not json",
        "[]",
        "\"ANSWER\"",
        "null",
        "{",
        "{\"Linkedid\": \"1.2\"}",
        "{\"disposition\": \"\"}",
        "{\"disposition\": null}",
        "{\"disposition\": {\"a\": 1}}",
        "{\"disposition\": [\"ANSWER\"]}",
        "{\"disposition\": \"ANSWER\", \"disposition\": \"BUSY\"}",
        "{\"disposition\": \"ANSWER\", \"rec_path\": [1]}",
        "{\"disposition\": \"ANSWER\", \"Linkedid\": {}}",
        "{\"disposition\": \"ANSWER\"} trailing"
      })
  void malformedBodiesAreRejectedAsMalformed(String body) {
    assertMalformed(SansPbxPayloads.post(URL, body));
  }

  @Test
  void overlongValuesAreRejectedAsMalformed() {
    assertMalformed(SansPbxPayloads.post(URL, SansPbxPayloads.webhook("A".repeat(256), "1", null)));
    assertMalformed(
        SansPbxPayloads.post(URL, SansPbxPayloads.webhook("ANSWER", "1", "/" + "r".repeat(2000))));
    SansPbxProvider trusting = fx.builder().linkedIdIsCallId(true).build();
    assertThatThrownBy(
            () ->
                trusting.parseWebhook(
                    SansPbxPayloads.post(
                        URL, SansPbxPayloads.webhook("ANSWER", "9".repeat(256), null))))
        .isInstanceOf(WebhookRejectedException.class);
  }

  @Test
  void anInvalidFormIsRejectedAsMalformed() {
    assertMalformed(WebhookRequest.formPost(URL, Map.of(), "disposition=%ZZ"));
    assertMalformed(WebhookRequest.formPost(URL, Map.of(), "Linkedid=1"));
  }

  @Test
  void randomBytesNeverThrowAnythingButARejection() {
    Random random = new Random(14);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder body = new StringBuilder("{\"disposition\": \"");
      int n = random.nextInt(40);
      for (int j = 0; j < n; j++) {
        body.append((char) random.nextInt(0x3000));
      }
      if (random.nextBoolean()) {
        body.append("\"}");
      }
      try {
        fx.provider().parseWebhook(SansPbxPayloads.post(URL, body.toString()));
      } catch (WebhookRejectedException e) {
        assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED);
      }
    }
  }

  private void assertMalformed(WebhookRequest request) {
    assertThatThrownBy(() -> fx.provider().parseWebhook(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.MALFORMED);
              assertThat(e.httpStatus()).isEqualTo(400);
            });
  }
}
