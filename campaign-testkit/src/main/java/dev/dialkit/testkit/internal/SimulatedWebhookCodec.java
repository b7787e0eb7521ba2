package dev.dialkit.testkit.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated provider's wire format: Twilio-like form-encoded status callbacks, signed with
 * {@code Base64(HMAC-SHA256(secret, url + body))} in {@link #SIGNATURE_HEADER}.
 */
public final class SimulatedWebhookCodec {
  public static final String SIGNATURE_HEADER = "X-Simulated-Signature";
  public static final String FORM = "application/x-www-form-urlencoded";

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final SecretKeySpec key;

  public SimulatedWebhookCodec(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The signed webhook for {@code event}, posted to {@code url}. */
  public WebhookRequest request(URI url, CallEvent event) {
    String body = encode(event);
    return WebhookRequest.formPost(
        url, Map.of(SIGNATURE_HEADER, List.of(sign(url.toString(), body))), body);
  }

  /** The form body of {@code event}. */
  public static String encode(CallEvent e) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("CallSid", e.callSid());
    f.put("CallStatus", e.rawStatus());
    f.put("Timestamp", TIMESTAMP.format(e.at()));
    put(f, "SequenceNumber", e.sequence());
    f.put("From", e.from());
    f.put("To", e.to());
    put(f, "AnsweredBy", e.answeredBy());
    put(f, "AnswerTime", e.answerTime() == null ? null : TIMESTAMP.format(e.answerTime()));
    put(f, "EndTime", e.endTime() == null ? null : TIMESTAMP.format(e.endTime()));
    put(f, "CallDuration", e.callDurationSeconds());
    put(f, "ErrorCode", e.errorCode());
    put(f, "SipResponseCode", e.sipCode());
    StringBuilder body = new StringBuilder();
    f.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  private static void put(Map<String, String> f, String key, Object value) {
    if (value != null) {
      f.put(key, value.toString());
    }
  }

  /** Base64(HMAC-SHA256(secret, url + body)). */
  public String sign(String url, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // a Mac is not thread-safe: one per signature
      mac.init(key);
      byte[] digest = mac.doFinal((url + body).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * Verifies the signature, then parses the body.
   *
   * @throws WebhookRejectedException SIGNATURE if the signature is missing or wrong, MALFORMED if
   *     the content type, the encoding or a required field is wrong
   */
  public CallStatusUpdate parse(WebhookRequest request) {
    String given = request.header(SIGNATURE_HEADER);
    if (given == null) {
      throw new WebhookRejectedException(Reason.SIGNATURE, "missing " + SIGNATURE_HEADER);
    }
    byte[] expected =
        sign(request.url().toString(), request.body()).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      throw new WebhookRejectedException(Reason.SIGNATURE, SIGNATURE_HEADER + " does not match");
    }
    if (!request.mediaType().equals(FORM)) {
      throw malformed("content type must be " + FORM + ", was '" + request.mediaType() + "'");
    }
    Map<String, List<String>> form;
    try {
      form = request.formParameters();
    } catch (IllegalArgumentException e) {
      throw malformed("body is not valid form encoding: " + e.getMessage());
    }
    return toUpdate(form, request.body());
  }

  /** The update a status query returns for {@code event}. */
  public static CallStatusUpdate toUpdate(CallEvent event) {
    String body = encode(event);
    return toUpdate(WebhookRequest.decodeForm(body), body);
  }

  private static CallStatusUpdate toUpdate(Map<String, List<String>> form, String body) {
    String sid = required(form, "CallSid");
    String raw = required(form, "CallStatus");
    String answeredBy = first(form, "AnsweredBy");
    Long seconds = number(form, "CallDuration");
    if (seconds != null && seconds < 0) {
      throw malformed("CallDuration must be >= 0, was " + seconds);
    }
    return CallStatusUpdate.builder(status(raw, answeredBy), raw)
        .providerCallId(sid)
        .occurredAt(instant(form, "Timestamp"))
        .sequence(number(form, "SequenceNumber"))
        .answeredAt(instant(form, "AnswerTime"))
        .endedAt(instant(form, "EndTime"))
        .duration(seconds == null ? null : Duration.ofSeconds(seconds))
        .failureReason(raw.equals("failed") ? FailureReason.CARRIER_ERROR : null)
        .hangupCause(first(form, "ErrorCode"))
        .sipCode(first(form, "SipResponseCode"))
        .answeredBy(answeredBy == null ? null : answeredBy(answeredBy))
        .rawPayload(body)
        .build();
  }

  /** Maps a raw status; {@code completed} answered by a machine is voicemail. */
  public static CallStatus status(String raw, String answeredBy) {
    return switch (raw) {
      case "queued" -> CallStatus.QUEUED;
      case "initiated" -> CallStatus.INITIATED;
      case "ringing" -> CallStatus.RINGING;
      case "in-progress" -> CallStatus.ANSWERED;
      case "completed" ->
          answeredBy != null && answeredBy(answeredBy).isMachine()
              ? CallStatus.VOICEMAIL
              : CallStatus.COMPLETED;
      case "busy" -> CallStatus.BUSY;
      case "no-answer" -> CallStatus.NO_ANSWER;
      case "failed" -> CallStatus.FAILED;
      case "canceled" -> CallStatus.CANCELED;
      default -> CallStatus.UNKNOWN;
    };
  }

  private static AnsweredBy answeredBy(String raw) {
    if (raw.equals("human")) {
      return AnsweredBy.HUMAN;
    }
    if (raw.startsWith("machine_")) {
      return AnsweredBy.MACHINE;
    }
    return raw.equals("fax") ? AnsweredBy.FAX : AnsweredBy.UNKNOWN;
  }

  private static String first(Map<String, List<String>> form, String field) {
    List<String> values = form.get(field);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String required(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    if (value == null || value.isBlank()) {
      throw malformed("missing field " + field);
    }
    return value;
  }

  private static Long number(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    try {
      return value == null ? null : Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed(field + " must be a whole number, was '" + value + "'");
    }
  }

  private static Instant instant(Map<String, List<String>> form, String field) {
    String value = first(form, field);
    try {
      return value == null ? null : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw malformed(field + " must be an ISO-8601 instant, was '" + value + "'");
    }
  }

  private static WebhookRejectedException malformed(String message) {
    return new WebhookRejectedException(Reason.MALFORMED, message);
  }
}
