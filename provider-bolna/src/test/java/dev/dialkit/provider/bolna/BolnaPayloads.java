package dev.dialkit.provider.bolna;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Bolna's execution object as its docs show it: the Get execution example (OpenAPI {@code
 * AgentExecution}, bolna.ai/docs/api-reference/executions/get_execution), the webhook example of
 * bolna.ai/docs/list-phone-call-status (older names {@code conversation_time}, integer {@code id}),
 * {@code telephony_data} and hangup texts from bolna-ai/skills {@code execution-payload.md} and
 * {@code hangup-codes.md}, and {@code context_details.recipient_data} as third-party integrations
 * record it.
 */
final class BolnaPayloads {
  static final String API_KEY = "bn-3f9c2a7d5e1b4c8a9d0e6f2b7a1c3d5e";
  static final String AGENT_ID = "123e4567-e89b-12d3-a456-426655440000";
  static final String EXECUTION_ID = "4c06b4d1-4096-4561-919a-4f94539c8d4a";
  static final String UPDATED_AT = "2025-03-03T10:01:22Z";
  static final ObjectMapper JSON = new ObjectMapper();

  private BolnaPayloads() {}

  /** {@code POST /call}'s answer (make.md, OpenAPI {@code MakeCallStatus}). */
  static String created(String executionId) {
    return "{\"message\":\"done\",\"status\":\"queued\",\"execution_id\":\"" + executionId + "\"}";
  }

  /** Bolna's error body (OpenAPI {@code Error}). */
  static String error(int code, String message) {
    ObjectNode n = JSON.createObjectNode();
    n.put("error", code);
    n.put("message", message);
    return n.toString();
  }

  /** A bare execution in {@code status}, before the call ended (nothing final yet). */
  static ObjectNode execution(String executionId, String status) {
    ObjectNode e = JSON.createObjectNode();
    e.put("id", executionId);
    e.put("agent_id", AGENT_ID);
    e.putNull("batch_id");
    e.put("conversation_duration", 0);
    e.put("total_cost", 0);
    e.put("status", status);
    e.putNull("error_message");
    e.put("answered_by_voice_mail", false);
    e.putNull("transcript");
    e.put("created_at", "2025-03-03T10:00:00Z");
    e.put("updated_at", UPDATED_AT);
    ObjectNode t = e.putObject("telephony_data");
    t.put("duration", "0");
    t.put("to_number", "+14155550123");
    t.put("from_number", "+14155550100");
    t.putNull("recording_url");
    t.put("hosted_telephony", true);
    t.put("provider_call_id", "CA42fb13614bfcfeccd94cf33befe14s2f");
    t.put("call_type", "outbound");
    t.put("provider", "twilio");
    ObjectNode context = e.putObject("context_details");
    context.putObject("recipient_data").put("first_name", "Ada");
    context.put("recipient_phone_number", "+14155550123");
    return e;
  }

  /** An execution that ended with {@code status} and the given hangup. */
  static ObjectNode ended(
      String executionId,
      String status,
      double talkSeconds,
      String hangupBy,
      String hangupReason,
      Integer code) {
    ObjectNode e = execution(executionId, status);
    e.put("conversation_duration", talkSeconds);
    if (talkSeconds > 0) {
      e.put("transcript", "assistant: Hello Ada!\nuser: Hi.\n");
    }
    ObjectNode t = (ObjectNode) e.get("telephony_data");
    t.put("duration", String.valueOf((long) Math.ceil(talkSeconds) + 17));
    t.put("hangup_by", hangupBy);
    t.put("hangup_reason", hangupReason);
    if (code != null) {
      t.put("hangup_provider_code", code);
    }
    if (talkSeconds > 0) {
      t.put(
          "recording_url",
          "https://bolna-call-recordings.s3.us-east-1.amazonaws.com/AC1f32/REb1c182cc");
      t.put("ring_duration", 17);
    }
    return e;
  }

  /** The execution a webhook reporting {@code status} carries. */
  static ObjectNode forStatus(String executionId, CallStatus status) {
    return switch (status) {
      case INITIATED -> execution(executionId, "initiated");
      case QUEUED -> execution(executionId, "queued");
      case RINGING -> execution(executionId, "ringing");
      case ANSWERED -> execution(executionId, "in-progress");
      case COMPLETED ->
          ended(executionId, "completed", 42.5, "Callee", "Call recipient hung up", 4000);
      case VOICEMAIL -> {
        ObjectNode e =
            ended(executionId, "completed", 12, "API Request", "llm_prompted_hangup", 4000);
        e.put("answered_by_voice_mail", true);
        yield e;
      }
      case BUSY -> ended(executionId, "busy", 0, "Callee", "Call recipient was busy", 3000);
      case NO_ANSWER -> ended(executionId, "no-answer", 0, "Carrier", "Call unanswered", 3020);
      case FAILED -> {
        ObjectNode e =
            ended(executionId, "failed", 0, "Carrier", "Call recipient number invalid", 2000);
        e.put("error_message", "Call recipient number invalid");
        yield e;
      }
      case CANCELED -> execution(executionId, "canceled");
      case UNKNOWN -> throw new IllegalArgumentException("no payload for UNKNOWN");
    };
  }

  /** The webhook Bolna posts to the agent's URL. */
  static WebhookRequest webhook(URI url, ObjectNode execution) {
    return webhook(url, execution.toString());
  }

  static WebhookRequest webhook(URI url, String body) {
    return new WebhookRequest(
        "POST", url, Map.of("Content-Type", List.of("application/json")), body);
  }
}
