package dev.dialkit.provider.sanspbx.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the module and the tolerant reads SansPBX's undocumented answers need.
 * Duplicate keys are refused: a body that names a field twice has two readings, and Dialkit takes
 * neither; so is text after the value, so that what is read is the whole body.
 */
public final class SansPbxJson {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private SansPbxJson() {}

  /** {@code body} as JSON, or {@code null} if it is empty or not JSON. */
  public static JsonNode readOrNull(String body) {
    try {
      return body == null || body.isBlank() ? null : MAPPER.readTree(body);
    } catch (JsonProcessingException | RuntimeException e) {
      return null;
    }
  }

  /** {@code value} as a JSON text, for a request body. */
  static String write(Object value) throws JsonProcessingException {
    return MAPPER.writeValueAsString(value);
  }

  /**
   * The scalar at {@code path} below {@code node} (each step an object field) as text, or {@code
   * null} if a step is missing, the value is null, blank, an object or an array.
   */
  public static String scalar(JsonNode node, String... path) {
    JsonNode at = node;
    for (String step : path) {
      if (at == null || !at.isObject()) {
        return null;
      }
      at = at.get(step);
    }
    if (at == null || at.isNull() || at.isContainerNode()) {
      return null;
    }
    String text = at.asText();
    return text.isBlank() ? null : text.trim();
  }

  /** The first of {@code paths} (each a dotted path) that holds a scalar, or {@code null}. */
  public static String firstScalar(JsonNode node, String... paths) {
    for (String path : paths) {
      String v = scalar(node, path.split("\\."));
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
