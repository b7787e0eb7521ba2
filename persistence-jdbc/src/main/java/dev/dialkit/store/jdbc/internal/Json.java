package dev.dialkit.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.AutoPause;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallerIdRotation;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignSchedule;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Pacing;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.RetryPolicy;
import dev.dialkit.campaign.StoreException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON of a {@link CampaignSpec} and of lead variables, written and read field by field (no
 * reflection on the records), so the stored form is explicit and stays readable when the records
 * change. Durations are ISO-8601 strings, times {@link LocalTime#toString()}, zones their ids.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<TreeMap<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final int SPEC_CACHE_LIMIT = 10_000;

  /** Specs never change once stored: each JSON text is parsed once. */
  private static final Map<String, CampaignSpec> SPECS = new ConcurrentHashMap<>();

  private Json() {}

  public static String variables(Map<String, String> variables) {
    try {
      return MAPPER.writeValueAsString(new TreeMap<>(variables));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write variables as JSON", e);
    }
  }

  /** A string map as a JSON object, or null for null. */
  public static String map(Map<String, String> map) {
    return map == null ? null : variables(map);
  }

  /** A JSON object of strings as a map; null and empty for null. */
  public static Map<String, String> map(String json) {
    return json == null ? Map.of() : variables(json);
  }

  public static Map<String, String> variables(String json) {
    try {
      return Map.copyOf(MAPPER.readValue(json, STRING_MAP));
    } catch (JsonProcessingException e) {
      throw new StoreException(
          "stored lead variables are not valid JSON: " + e.getMessage(), false, e);
    }
  }

  public static String spec(CampaignSpec spec) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", spec.name());
    ObjectNode agent = root.putObject("agent");
    agent.put("kind", spec.agent().kind().name());
    agent.put("target", spec.agent().target());
    ObjectNode vars = agent.putObject("variables");
    new TreeMap<>(spec.agent().variables()).forEach(vars::put);
    ArrayNode callerIds = root.putArray("callerIds");
    spec.callerIds().forEach(n -> callerIds.add(n.e164()));
    root.put("provider", spec.provider());
    if (spec.maxConcurrentCalls() == null) {
      root.putNull("maxConcurrentCalls");
    } else {
      root.put("maxConcurrentCalls", spec.maxConcurrentCalls().intValue());
    }
    root.put("ringTimeout", spec.ringTimeout().toString());
    root.put("maxCallDuration", spec.maxCallDuration().toString());
    root.put("machineDetection", spec.machineDetection());
    root.put("record", spec.record());
    ObjectNode retry = root.putObject("retry");
    ArrayNode retryOn = retry.putArray("retryOn");
    spec.retry().retryOn().stream().sorted().forEach(s -> retryOn.add(s.name()));
    retry.put("maxAttempts", spec.retry().maxAttempts());
    retry.put("backoff", spec.retry().backoff().toString());
    CallingWindow w = spec.callingWindow();
    ObjectNode window = root.putObject("callingWindow");
    window.put("start", w.start().toString());
    window.put("end", w.end().toString());
    ArrayNode days = window.putArray("days");
    w.days().stream().sorted().forEach(d -> days.add(d.name()));
    window.put("zone", w.zone().getId());
    window.put("overnight", w.overnight());
    root.put("callerIdRotation", spec.callerIdRotation().name());
    if (spec.autoPause() == null) {
      root.putNull("autoPause");
    } else {
      ObjectNode autoPause = root.putObject("autoPause");
      autoPause.put("window", spec.autoPause().window());
      autoPause.put("maxFailureRate", spec.autoPause().maxFailureRate());
    }
    if (spec.schedule() != null) {
      // written only when set, like failover: specs stored before schedules read back the same
      ObjectNode schedule = root.putObject("schedule");
      text(schedule, "start", spec.schedule().start());
      text(schedule, "end", spec.schedule().end());
    }
    if (spec.pacing().mode() != Pacing.Mode.AS_FAST_AS_ALLOWED) {
      ObjectNode pacing = root.putObject("pacing");
      pacing.put("mode", spec.pacing().mode().name());
      text(pacing, "deadline", spec.pacing().deadline());
      text(pacing, "expectedHandleTime", spec.pacing().expectedHandleTime());
    }
    if (!spec.failover().isEmpty()) {
      // written only when set: specs stored before failover existed read back the same
      spec.failover().forEach(root.putArray("failover")::add);
    }
    DispositionJson.write(root, spec.dispositions());
    return root.toString();
  }

  public static CampaignSpec spec(String json) {
    CampaignSpec cached = SPECS.get(json);
    if (cached != null) {
      return cached;
    }
    CampaignSpec spec;
    try {
      spec = readSpec(MAPPER.readTree(json));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StoreException("stored campaign spec cannot be read: " + e.getMessage(), false, e);
    }
    if (SPECS.size() >= SPEC_CACHE_LIMIT) {
      SPECS.clear();
    }
    SPECS.put(json, spec);
    return spec;
  }

  private static CampaignSpec readSpec(JsonNode root) {
    JsonNode a = root.get("agent");
    Map<String, String> agentVars = new TreeMap<>();
    a.get("variables")
        .fields()
        .forEachRemaining(e -> agentVars.put(e.getKey(), e.getValue().asText()));
    Agent agent =
        new Agent(Agent.Kind.valueOf(a.get("kind").asText()), a.get("target").asText(), agentVars);
    List<PhoneNumber> callerIds = new ArrayList<>();
    root.get("callerIds").forEach(n -> callerIds.add(PhoneNumber.of(n.asText())));
    JsonNode r = root.get("retry");
    EnumSet<CallStatus> retryOn = EnumSet.noneOf(CallStatus.class);
    r.get("retryOn").forEach(n -> retryOn.add(CallStatus.valueOf(n.asText())));
    RetryPolicy retry =
        new RetryPolicy(
            retryOn, r.get("maxAttempts").asInt(), Duration.parse(r.get("backoff").asText()));
    JsonNode w = root.get("callingWindow");
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    w.get("days").forEach(n -> days.add(DayOfWeek.valueOf(n.asText())));
    CallingWindow window =
        new CallingWindow(
            LocalTime.parse(w.get("start").asText()),
            LocalTime.parse(w.get("end").asText()),
            days,
            ZoneId.of(w.get("zone").asText()),
            w.get("overnight").asBoolean());
    JsonNode p = root.get("autoPause");
    AutoPause autoPause =
        p == null || p.isNull()
            ? null
            : new AutoPause(p.get("window").asInt(), p.get("maxFailureRate").asDouble());
    JsonNode max = root.get("maxConcurrentCalls");
    List<String> failover = new ArrayList<>();
    JsonNode f = root.get("failover");
    if (f != null && f.isArray()) {
      f.forEach(n -> failover.add(n.asText()));
    }
    return new CampaignSpec(
        root.get("name").asText(),
        agent,
        callerIds,
        text(root.get("provider")),
        max == null || max.isNull() ? null : max.asInt(),
        Duration.parse(root.get("ringTimeout").asText()),
        Duration.parse(root.get("maxCallDuration").asText()),
        root.get("machineDetection").asBoolean(),
        root.get("record").asBoolean(),
        retry,
        window,
        CallerIdRotation.valueOf(root.get("callerIdRotation").asText()),
        autoPause,
        failover,
        DispositionJson.read(root),
        readSchedule(root.get("schedule")),
        readPacing(root.get("pacing")));
  }

  private static void text(ObjectNode node, String field, Object value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value.toString());
    }
  }

  private static CampaignSchedule readSchedule(JsonNode s) {
    if (s == null || s.isNull()) {
      return null;
    }
    String start = text(s.get("start"));
    String end = text(s.get("end"));
    return new CampaignSchedule(
        start == null ? null : Instant.parse(start), end == null ? null : Instant.parse(end));
  }

  private static Pacing readPacing(JsonNode p) {
    if (p == null || p.isNull()) {
      return Pacing.asFastAsAllowed();
    }
    String deadline = text(p.get("deadline"));
    String handle = text(p.get("expectedHandleTime"));
    return new Pacing(
        Pacing.Mode.valueOf(p.get("mode").asText()),
        deadline == null ? null : Instant.parse(deadline),
        handle == null ? null : Duration.parse(handle));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
