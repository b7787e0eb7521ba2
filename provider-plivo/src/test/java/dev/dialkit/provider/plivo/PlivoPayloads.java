package dev.dialkit.provider.plivo;

import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payloads shaped as Plivo documents them: the create response {@code {message, request_uuid,
 * api_id}} (plivo-java {@code CallCreateResponse}), the error body {@code {api_id, error}}, the
 * live call (plivo-java {@code LiveCall}), the call record (docs "The Call object" example) and the
 * voice callback parameters (docs "XML request", "hangup causes").
 */
final class PlivoPayloads {
  static final String AUTH_ID = "MAZDJ0ZTC4NTMWNMY5NZ";
  static final String AUTH_TOKEN = "ZTk4YTNlMmE0ZWM4YjA2NzNhZTRmNDk1NDBjMDQ1";
  static final String MAIN_TOKEN = "bWFpbi1hY2NvdW50LXRva2VuLW5ldmVyLWxvZ2dlZA";
  static final String CALLS_PATH = "/v1/Account/" + AUTH_ID + "/Call/";
  static final String CALLBACK_BASE = "https://dialer.example.com/webhooks/plivo";
  static final String REQUEST_UUID = "9834029e-58b6-11e1-8da3-ad40ef3a6d4e";
  static final String NONCE = "05429567804466091622";

  private PlivoPayloads() {}

  static String callPath(String uuid) {
    return CALLS_PATH + uuid + "/";
  }

  static String requestPath(String uuid) {
    return "/v1/Account/" + AUTH_ID + "/Request/" + uuid + "/";
  }

  static String created(String requestUuid) {
    return """
        {"message": "call fired", "request_uuid": "%s", "api_id": "97ceeb52-58b6-11e1-86da-77300b68f8bb"}
        """
        .formatted(requestUuid);
  }

  static String error(String text) {
    return """
        {"api_id": "c8b427f6-58ce-11e1-86da-adf28403fe48", "error": "%s"}
        """
        .formatted(text);
  }

  static String live(String callUuid, String status) {
    return """
        {
          "api_id": "45223222-74f8-11e1-8ea7-1231400389e2",
          "direction": "outbound",
          "from": "14155550100",
          "call_status": "%s",
          "to": "14155550123",
          "caller_name": "+14155550100",
          "call_uuid": "%s",
          "request_uuid": "%s",
          "session_start": "2025-03-03 10:00:02.421345"
        }
        """
        .formatted(status, callUuid, REQUEST_UUID);
  }

  /** The record of an ended call; {@code answerTime} may be null. */
  static String record(
      String callUuid, String answerTime, long billSeconds, int code, String name, String source) {
    return """
        {
          "answer_time": %s,
          "api_id": "06ae0f8f-dc72-11e5-b56c-22000ae90795",
          "bill_duration": %d,
          "billed_duration": %d,
          "call_direction": "outbound",
          "call_duration": %d,
          "call_uuid": "%s",
          "end_time": "2025-03-03 10:01:00+00:00",
          "from_number": "14155550100",
          "hangup_cause_code": %d,
          "hangup_cause_name": "%s",
          "hangup_source": "%s",
          "initiation_time": "2025-03-03 10:00:01+00:00",
          "parent_call_uuid": null,
          "resource_uri": "/v1/Account/%s/Call/%s/",
          "to_number": "14155550123",
          "total_amount": "0.00900",
          "total_rate": "0.00900",
          "stir_verification": "Not Applicable"
        }
        """
        .formatted(
            answerTime == null ? "null" : "\"" + answerTime + "\"",
            billSeconds,
            billSeconds == 0 ? 0 : 60,
            billSeconds,
            callUuid,
            code,
            name,
            source,
            AUTH_ID,
            callUuid);
  }

  /** The parameters every voice callback carries. */
  static Map<String, String> callbackFields(String callUuid, String status) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("Direction", "outbound");
    f.put("From", "14155550100");
    f.put("ALegUUID", callUuid);
    f.put("ALegRequestUUID", REQUEST_UUID);
    f.put("CallStatus", status);
    f.put("CallUUID", callUuid);
    f.put("RequestUUID", REQUEST_UUID);
    f.put("To", "14155550123");
    f.put("Event", status.equals("ringing") ? "Ring" : "StartApp");
    return f;
  }

  /** A hangup callback's fields; {@code answerTime} null for an unanswered call. */
  static Map<String, String> hangup(
      String callUuid, String status, String answerTime, long seconds, int code, String name) {
    Map<String, String> f = callbackFields(callUuid, status);
    f.put("Event", "Hangup");
    f.put("StartTime", "2025-03-03 10:00:01");
    f.put("AnswerTime", answerTime == null ? "" : answerTime);
    f.put("EndTime", "2025-03-03 10:01:00");
    f.put("Duration", String.valueOf(seconds));
    f.put("BillDuration", String.valueOf(seconds));
    f.put("HangupCauseCode", String.valueOf(code));
    f.put("HangupCauseName", name);
    f.put("HangupSource", code == 1000 ? "API Request" : "Callee");
    f.put("TotalCost", "0.00000");
    return f;
  }

  /** The fields of a webhook reporting {@code status}. */
  static Map<String, String> fields(String callUuid, CallStatus status) {
    return switch (status) {
      case RINGING -> callbackFields(callUuid, "ringing");
      case ANSWERED -> {
        Map<String, String> f = callbackFields(callUuid, "in-progress");
        f.put("StartTime", "2025-03-03 10:00:01");
        f.put("AnswerTime", "2025-03-03 10:00:18");
        yield f;
      }
      case COMPLETED ->
          hangup(callUuid, "completed", "2025-03-03 10:00:18", 42, 4000, "Normal Hangup");
      case VOICEMAIL -> {
        Map<String, String> f =
            hangup(callUuid, "completed", "2025-03-03 10:00:18", 17, 4000, "Normal Hangup");
        f.put("Machine", "true");
        yield f;
      }
      case BUSY -> hangup(callUuid, "busy", null, 0, 3000, "Busy Line");
      case NO_ANSWER -> hangup(callUuid, "no-answer", null, 0, 3020, "No Answer");
      case FAILED -> hangup(callUuid, "failed", null, 0, 2000, "Invalid Destination Address");
      case CANCELED -> hangup(callUuid, "cancel", null, 0, 1000, "Canceled");
      default -> throw new IllegalArgumentException("Plivo sends no " + status);
    };
  }

  static String encode(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A form POST to {@code url} signed as Plivo signs it, with {@code token}. */
  static WebhookRequest signed(URI url, Map<String, String> fields, String token) {
    return signed(url, fields, token, PlivoSignatureV3.HEADER);
  }

  static WebhookRequest signed(URI url, Map<String, String> fields, String token, String header) {
    String body = encode(fields);
    String signature =
        new PlivoSignatureV3(token)
            .sign("POST", url.toString(), WebhookRequest.decodeForm(body), NONCE);
    return WebhookRequest.formPost(
        url,
        Map.of(header, List.of(signature), PlivoSignatureV3.NONCE_HEADER, List.of(NONCE)),
        body);
  }
}
