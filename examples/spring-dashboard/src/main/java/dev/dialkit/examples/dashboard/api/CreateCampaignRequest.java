package dev.dialkit.examples.dashboard.api;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallingWindow;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /api/campaigns}: {@link CampaignSpec}'s fields as JSON. Only {@code
 * name}, {@code agent} and {@code callerIds} are required; every other field left out keeps the
 * spec's default. Durations are ISO-8601 ({@code "PT30S"}) or seconds. Every value is checked by
 * {@link CampaignSpec}'s builder, whose error names the field.
 *
 * <pre>{@code
 * {"name": "Renewals", "agent": {"kind": "ANSWER_URL", "target": "https://agent.example.com/a"},
 *  "callerIds": ["+14155550100"], "maxConcurrentCalls": 5,
 *  "retry": {"retryOn": ["NO_ANSWER", "BUSY"], "maxAttempts": 2, "backoff": "PT10M"},
 *  "callingWindow": {"start": "09:00", "end": "20:00", "zone": "America/New_York"}}
 * }</pre>
 */
public record CreateCampaignRequest(
    String name,
    AgentBody agent,
    List<String> callerIds,
    String provider,
    Integer maxConcurrentCalls,
    Duration ringTimeout,
    Duration maxCallDuration,
    Boolean machineDetection,
    Boolean record,
    RetryBody retry,
    WindowBody callingWindow,
    List<String> failover) {

  /** {@link Agent}: {@code kind} is {@code ANSWER_URL} (default), {@code APPLICATION}... */
  public record AgentBody(Agent.Kind kind, String target, Map<String, String> variables) {
    Agent toAgent() {
      return new Agent(
          kind == null ? Agent.Kind.ANSWER_URL : kind,
          target,
          variables == null ? Map.of() : variables);
    }
  }

  /** {@link RetryPolicy}. */
  public record RetryBody(Set<CallStatus> retryOn, Integer maxAttempts, Duration backoff) {
    RetryPolicy toPolicy() {
      return new RetryPolicy(
          retryOn == null ? Set.of() : retryOn,
          maxAttempts == null ? RetryPolicy.DEFAULT_MAX_ATTEMPTS : maxAttempts,
          backoff == null ? RetryPolicy.DEFAULT_BACKOFF : backoff);
    }
  }

  /** A daily {@link CallingWindow} from {@code start} to {@code end} ({@code HH:mm}). */
  public record WindowBody(String start, String end, String zone) {
    CallingWindow toWindow() {
      CallingWindow window = CallingWindow.daily(start, end);
      return zone == null ? window : window.in(zone);
    }
  }

  CampaignSpec toSpec() {
    CampaignSpec.Builder spec = CampaignSpec.builder().name(name);
    if (agent != null) {
      spec.agent(agent.toAgent());
    }
    spec.callerIds(callerIds == null ? new String[0] : callerIds.toArray(String[]::new));
    spec.provider(provider);
    if (maxConcurrentCalls != null) {
      spec.maxConcurrentCalls(maxConcurrentCalls);
    }
    if (ringTimeout != null) {
      spec.ringTimeout(ringTimeout);
    }
    if (maxCallDuration != null) {
      spec.maxCallDuration(maxCallDuration);
    }
    spec.machineDetection(Boolean.TRUE.equals(machineDetection));
    spec.record(Boolean.TRUE.equals(record));
    if (retry != null) {
      spec.retry(retry.toPolicy());
    }
    if (callingWindow != null) {
      spec.callingWindow(callingWindow.toWindow());
    }
    if (failover != null) {
      spec.failover(failover.toArray(String[]::new));
    }
    return spec.build();
  }
}
