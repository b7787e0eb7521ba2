package dev.dialkit.provider.sanspbx;

import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Payloads shaped as the public SansPBX integrations show them (providers.md section 3): the {@code
 * gentoken} answer {@code {status, Apitoken, expiry_time}} (sometimes under {@code data}), the
 * {@code dialcall} answer with the id at {@code data.msg.callid} (the Python client) or {@code
 * call_id} (the Shreenika guide), and the post-call webhook {@code {disposition, Linkedid, did,
 * call_to, rec_path}}. The credentials are made up.
 */
final class SansPbxPayloads {
  static final String ACCESS_TOKEN = "9f1c2e7a4b5d6e8f0a1b2c3d4e5f6a7b";
  static final String ACCESS_KEY = "made-up-access-key";
  static final String API_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.first.token";
  static final String API_TOKEN_2 = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.second.token";
  static final String API_PATH = "/pbxadmin/sanpbxapi";
  static final String TOKEN_PATH = API_PATH + "/gentoken";
  static final String DIAL_PATH = API_PATH + "/dialcall";
  static final String DISCONNECT_PATH = API_PATH + "/calldisconnect";
  static final String CALLBACK_BASE = "https://dialer.example.com/webhooks/sanspbx";
  static final String APP_ID = "6";

  /** 2026-03-02 21:00:00 in India is 15:30 UTC. */
  static final String EXPIRY_IST = "2026-03-02 21:00:00";

  private SansPbxPayloads() {}

  static String token(String apiToken, String expiry) {
    return """
        {"status": "success", "Apitoken": "%s", "expiry_time": "%s"}
        """
        .formatted(apiToken, expiry);
  }

  static String tokenInData(String apiToken, String expiry) {
    return """
        {"status": "success", "data": {"Apitoken": "%s", "expiry_time": "%s"}}
        """
        .formatted(apiToken, expiry);
  }

  /** The Python client's reading: {@code data.msg.callid}. */
  static String dialed(String callId) {
    return """
        {"status": "success", "data": {"msg": {"callid": "%s"}}}
        """
        .formatted(callId);
  }

  /** The Shreenika guide's shape: {@code {status, call_id}}. */
  static String dialedFlat(String callId) {
    return """
        {"status": "success", "call_id": "%s"}
        """
        .formatted(callId);
  }

  static String error(String message) {
    return """
        {"status": "error", "message": "%s"}
        """
        .formatted(message);
  }

  /** An id as observed: {@code api-<appid>-<number>-<epochms>}. */
  static String callId(String number, long millis) {
    return "api-" + APP_ID + "-" + number + "-" + millis;
  }

  /** The post-call webhook body. */
  static String webhook(String disposition, String linkedId, String recPath) {
    return """
        {"disposition": "%s", "Linkedid": "%s", "did": "6745647", "call_to": "09876543210"%s}
        """
        .formatted(
            disposition, linkedId, recPath == null ? "" : ", \"rec_path\": \"" + recPath + "\"")
        .strip();
  }

  static WebhookRequest post(URI url, String body) {
    return new WebhookRequest(
        "POST", url, Map.of("Content-Type", List.of("application/json")), body);
  }
}
