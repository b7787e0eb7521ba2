package dev.dialkit.provider.twilio;

import dev.dialkit.campaign.CallStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payloads shaped as Twilio documents them: the Call resource (twilio.com/docs/voice/api/call
 * example, fields per twilio-oai {@code api.v2010.account.call}) and the v2010 error body {@code
 * {code, message, more_info, status}}.
 */
final class TwilioPayloads {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "f00dfacecafebabe0123456789abcdef";
  static final String API_KEY_SID = "SKfedcba9876543210fedcba9876543210";
  static final String API_KEY_SECRET = "kS3cr3tKeyValueNeverLogged0000";
  static final String CALLS_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json";
  static final String CALLBACK_BASE = "https://dialer.example.com/webhooks/twilio";

  private TwilioPayloads() {}

  static String callPath(String sid) {
    return "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + sid + ".json";
  }

  /** A Call resource as Twilio returns it from create, fetch and update. */
  static String callJson(
      String sid,
      String status,
      String answeredBy,
      String startTime,
      String endTime,
      String duration) {
    return """
        {
          "account_sid": "%s",
          "annotation": null,
          "answered_by": %s,
          "api_version": "2010-04-01",
          "caller_name": null,
          "date_created": "Mon, 03 Mar 2025 10:00:01 +0000",
          "date_updated": "Mon, 03 Mar 2025 10:00:01 +0000",
          "direction": "outbound-api",
          "duration": %s,
          "end_time": %s,
          "forwarded_from": null,
          "from": "+14155550100",
          "from_formatted": "(415) 555-0100",
          "group_sid": null,
          "parent_call_sid": null,
          "phone_number_sid": "PN0123456789abcdef0123456789abcdef",
          "price": null,
          "price_unit": "USD",
          "queue_time": "0",
          "sid": "%s",
          "start_time": %s,
          "status": "%s",
          "subresource_uris": {
            "notifications": "/2010-04-01/Accounts/%s/Calls/%s/Notifications.json",
            "recordings": "/2010-04-01/Accounts/%s/Calls/%s/Recordings.json"
          },
          "to": "+14155550123",
          "to_formatted": "(415) 555-0123",
          "trunk_sid": null,
          "uri": "/2010-04-01/Accounts/%s/Calls/%s.json"
        }
        """
        .formatted(
            ACCOUNT_SID,
            quoted(answeredBy),
            quoted(duration),
            quoted(endTime),
            sid,
            quoted(startTime),
            status,
            ACCOUNT_SID,
            sid,
            ACCOUNT_SID,
            sid,
            ACCOUNT_SID,
            sid);
  }

  static String queuedCall(String sid) {
    return callJson(sid, "queued", null, null, null, null);
  }

  /** The Call resource of a call in {@code status}. */
  static String callIn(String sid, CallStatus status) {
    String start = "Mon, 03 Mar 2025 10:00:02 +0000";
    String end = "Mon, 03 Mar 2025 10:01:02 +0000";
    return switch (status) {
      case QUEUED -> queuedCall(sid);
      case RINGING -> callJson(sid, "ringing", null, start, null, null);
      case ANSWERED -> callJson(sid, "in-progress", null, start, null, null);
      case COMPLETED -> callJson(sid, "completed", "human", start, end, "60");
      case VOICEMAIL -> callJson(sid, "completed", "machine_end_beep", start, end, "60");
      case BUSY -> callJson(sid, "busy", null, start, end, "0");
      case NO_ANSWER -> callJson(sid, "no-answer", null, start, end, "0");
      case FAILED -> callJson(sid, "failed", null, start, end, "0");
      case CANCELED -> callJson(sid, "canceled", null, null, end, "0");
      default -> throw new IllegalArgumentException("no Twilio resource for " + status);
    };
  }

  /** Twilio's v2010 error body. */
  static String error(int code, String message, int status) {
    return """
        {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
        .formatted(code, message, code, status);
  }

  /** The raw CallStatus Twilio sends for a Dialkit status (VOICEMAIL: completed + AnsweredBy). */
  static String rawStatus(CallStatus status) {
    return switch (status) {
      case INITIATED -> "initiated";
      case QUEUED -> "queued";
      case RINGING -> "ringing";
      case ANSWERED -> "in-progress";
      case COMPLETED, VOICEMAIL -> "completed";
      case BUSY -> "busy";
      case NO_ANSWER -> "no-answer";
      case FAILED -> "failed";
      case CANCELED -> "canceled";
      case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN");
    };
  }

  /** The fields of a status callback, as Twilio posts them. */
  static Map<String, String> callbackFields(String sid, String callStatus, long sequence) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("AccountSid", ACCOUNT_SID);
    f.put("ApiVersion", "2010-04-01");
    f.put("CallSid", sid);
    f.put("CallStatus", callStatus);
    f.put("CallbackSource", "call-progress-events");
    f.put("Called", "+14155550123");
    f.put("Caller", "+14155550100");
    f.put("Direction", "outbound-api");
    f.put("From", "+14155550100");
    f.put("SequenceNumber", Long.toString(sequence));
    f.put("Timestamp", "Mon, 03 Mar 2025 10:00:0" + Math.min(9, sequence) + " +0000");
    f.put("To", "+14155550123");
    return f;
  }

  static String encode(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (k, v) ->
            body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  private static String quoted(String v) {
    return v == null ? "null" : "\"" + v + "\"";
  }
}
