package dev.dialkit.provider.bolna.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reading JSON from Bolna without trusting it: a field of the wrong type reads as absent. */
public final class BolnaJson {
  private BolnaJson() {}

  /** {@code body} as JSON, or {@code null} if it is empty or not JSON. */
  public static JsonNode readOrNull(ObjectMapper json, String body) {
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException | RuntimeException e) {
      // Jackson's limits (nesting, number length) surface as runtime exceptions too
      return null;
    }
  }

  /** A scalar field's text (a string, number or boolean), or {@code null} if missing or blank. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null || !node.isObject() ? null : node.get(field);
    if (v == null || !v.isValueNode() || v.isNull()) {
      return null;
    }
    String s = v.asText();
    return s.isBlank() ? null : s;
  }

  /** The first of {@code fields} that {@link #text} finds, or {@code null}. */
  public static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String s = text(node, field);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** A nested object, or {@code null} if missing or not an object. */
  public static JsonNode object(JsonNode node, String field) {
    JsonNode v = node == null || !node.isObject() ? null : node.get(field);
    return v != null && v.isObject() ? v : null;
  }
}
