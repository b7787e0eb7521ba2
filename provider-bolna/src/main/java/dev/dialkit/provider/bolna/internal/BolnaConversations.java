package dev.dialkit.provider.bolna.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Conversation;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What Bolna's execution object says the agent learned: {@code transcript}, {@code summary} and
 * {@code extracted_data} (an object; a scalar value is kept as its text, a nested one as its JSON,
 * each cut to Dialkit's limits by {@link Conversation#untrusted}). Nothing is trusted: a field of
 * the wrong type reads as absent, and nothing here throws.
 */
public final class BolnaConversations {
  private BolnaConversations() {}

  /** The conversation the execution reports, or empty if it reports none. */
  public static Optional<Conversation> read(JsonNode execution) {
    if (execution == null || !execution.isObject()) {
      return Optional.empty();
    }
    Map<String, String> extracted = new LinkedHashMap<>();
    JsonNode data = BolnaJson.object(execution, "extracted_data");
    if (data != null) {
      Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
      // more than Dialkit keeps is never read: a hostile body cannot make this loop long
      while (fields.hasNext() && extracted.size() < 2 * Conversation.MAX_EXTRACTED) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode v = e.getValue();
        if (v == null || v.isNull()) {
          continue;
        }
        extracted.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
      }
    }
    Conversation c =
        Conversation.untrusted(
            BolnaJson.text(execution, "transcript"),
            BolnaJson.text(execution, "summary"),
            extracted);
    return c.isEmpty() ? Optional.empty() : Optional.of(c);
  }
}
