package dev.dialkit.store.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.DispositionCode;
import dev.dialkit.campaign.DispositionSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's {@link DispositionSet} inside its stored spec: written only when it has codes or
 * callbacks do not count, so specs stored before dispositions existed read back the same.
 */
final class DispositionJson {
  private DispositionJson() {}

  static void write(ObjectNode spec, DispositionSet set) {
    if (set.equals(DispositionSet.none())) {
      return;
    }
    ObjectNode root = spec.putObject("dispositions");
    root.put("callbacksCountAsAttempts", set.callbacksCountAsAttempts());
    ArrayNode codes = root.putArray("codes");
    for (DispositionCode c : set.codes()) {
      ObjectNode code = codes.addObject();
      code.put("code", c.code());
      code.put("success", c.success());
      code.put("doNotCall", c.doNotCall());
      code.put("callback", c.callback());
      code.put("stop", c.stop());
    }
  }

  static DispositionSet read(JsonNode spec) {
    JsonNode root = spec.get("dispositions");
    if (root == null || root.isNull()) {
      return DispositionSet.none();
    }
    List<DispositionCode> codes = new ArrayList<>();
    root.get("codes")
        .forEach(
            c ->
                codes.add(
                    new DispositionCode(
                        c.get("code").asText(),
                        c.get("success").asBoolean(),
                        c.get("doNotCall").asBoolean(),
                        c.get("callback").asBoolean(),
                        c.get("stop").asBoolean())));
    return new DispositionSet(codes, root.get("callbacksCountAsAttempts").asBoolean());
  }
}
