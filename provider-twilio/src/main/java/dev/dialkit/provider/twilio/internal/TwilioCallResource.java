package dev.dialkit.provider.twilio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.Untrusted;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads Twilio's REST Call resource ({@code GET Calls/{Sid}.json}, and the {@code calls} array of
 * {@code GET Calls.json}).
 *
 * <p>Fields used: {@code sid}, {@code status} ({@code queued, ringing, in-progress, completed,
 * busy, failed, no-answer, canceled}; the REST resource has no {@code initiated}), {@code
 * answered_by}, {@code end_time} (RFC 2822) and {@code duration} (seconds, a string). {@code
 * start_time} is when Twilio started the call, not when it was answered, so it is not used as an
 * answer time. The REST state can lag the callbacks (twilio-java #351).
 *
 * <p>A figure that cannot be read is left out, never guessed; one that reads but lies outside the
 * bounds of {@link CallStatusUpdate} (a time before 2000 or after 2200, a duration below 0 or over
 * 7 days) throws {@link IllegalArgumentException}, which the provider reports as a {@code
 * ProviderException}.
 */
public final class TwilioCallResource {
  private TwilioCallResource() {}

  /**
   * The update a Call resource describes; {@code raw} is the JSON it came from.
   *
   * @throws IllegalArgumentException if it has no status or a value is out of range
   */
  public static CallStatusUpdate toUpdate(JsonNode call, String raw) {
    String status = text(call, "status");
    if (status == null) {
      throw new IllegalArgumentException("the Call resource has no status");
    }
    AnsweredBy answeredBy = TwilioStatuses.answeredBy(text(call, "answered_by"));
    CallStatus mapped = TwilioStatuses.status(status, answeredBy);
    Instant ended = mapped.isTerminal() ? time(call, "end_time") : null;
    Duration duration = mapped.isTerminal() ? duration(call) : null;
    return CallStatusUpdate.builder(mapped, status)
        .providerCallId(text(call, "sid"))
        .occurredAt(ended)
        .endedAt(ended)
        .duration(duration)
        .billedDuration(duration)
        .answeredBy(answeredBy)
        .rawPayload(raw)
        .build();
  }

  /**
   * The calls of a {@code GET Calls.json?To=..&From=..} page that may be {@code call}: first any
   * call whose resource names Dialkit's call id ({@code dialkit_call=<id>} anywhere in its text;
   * Twilio's documented Call resource does not echo the status callback URL, so this seldom
   * matches); failing that, every outbound-api call to the same number from the same caller id
   * created no earlier than {@code skew} before Dialkit created the call, except those that ended
   * more than a second (Twilio's time precision) before Dialkit created it: a lead has one call at
   * a time, so such a call is an earlier attempt of the same lead, never this one.
   *
   * @throws IllegalArgumentException if a listed call's {@code date_created} or {@code end_time} is
   *     out of range
   */
  public static List<JsonNode> candidates(JsonNode page, Call call, Duration skew) {
    JsonNode calls = page.get("calls");
    List<JsonNode> byWindow = new ArrayList<>();
    if (calls == null || !calls.isArray()) {
      return byWindow;
    }
    String marker =
        Webhooks.CALL_PARAMETER
            + "="
            + URLEncoder.encode(call.id().value(), StandardCharsets.UTF_8);
    Instant notBefore = call.createdAt().minus(skew);
    for (Iterator<JsonNode> it = calls.elements(); it.hasNext(); ) {
      JsonNode c = it.next();
      if (c.toString().contains(marker)) {
        return List.of(c);
      }
      Instant created = time(c, "date_created");
      Instant ended = time(c, "end_time");
      String direction = text(c, "direction");
      if (call.to().e164().equals(text(c, "to"))
          && call.from().e164().equals(text(c, "from"))
          && (direction == null || direction.equals("outbound-api"))
          && created != null
          && !created.isBefore(notBefore)
          && (ended == null || !ended.plusSeconds(1).isBefore(call.createdAt()))) {
        byWindow.add(c);
      }
    }
    return byWindow;
  }

  /** {@code duration} in whole seconds; unreadable is left out, never guessed. */
  private static Duration duration(JsonNode call) {
    String value = text(call, "duration");
    long s;
    try {
      s = value == null ? 0 : Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
    if (!CallStatusUpdate.durationInRange(Duration.ofSeconds(s))) {
      throw new IllegalArgumentException(
          "the Call resource's duration is out of range (0 to "
              + CallStatusUpdate.MAX_DURATION.getSeconds()
              + " s): "
              + Untrusted.quote(value));
    }
    return value == null ? null : Duration.ofSeconds(s);
  }

  /**
   * An RFC 2822 time; an unreadable one is left out, never guessed.
   *
   * @throws IllegalArgumentException if it is outside {@link CallStatusUpdate#INSTANT_RANGE}
   */
  private static Instant time(JsonNode call, String field) {
    String value = text(call, field);
    Instant t;
    try {
      t = value == null ? null : TwilioStatuses.rfc2822(value);
    } catch (DateTimeException | ArithmeticException e) {
      return null;
    }
    if (t != null && !CallStatusUpdate.instantInRange(t)) {
      throw new IllegalArgumentException(
          "the Call resource's "
              + field
              + " is out of range ("
              + CallStatusUpdate.INSTANT_RANGE
              + "): "
              + Untrusted.quote(value));
    }
    return t;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
