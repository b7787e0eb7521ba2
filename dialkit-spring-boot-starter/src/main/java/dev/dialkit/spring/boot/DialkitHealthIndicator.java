package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.DialerHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The dialer's health for Actuator, from {@link CampaignDialer#health()} (which asks the store
 * live): DOWN when the store does not answer, its schema is not current, or the running dialer's
 * heartbeat is stale; OUT_OF_SERVICE while the dialer is not started (before start-up completes,
 * during shutdown, or with {@code dialkit.auto-startup=false} until the application starts it); UP
 * otherwise, an open provider circuit breaker included (that provider's calls wait; the rest dial),
 * which the details show. Details: {@code running}, {@code storeReachable}, {@code schemaCurrent},
 * {@code heartbeatFresh}, {@code lastHeartbeat}, {@code circuitBreakers} and {@code problems}.
 */
public class DialkitHealthIndicator implements HealthIndicator {
  private final CampaignDialer dialer;

  public DialkitHealthIndicator(CampaignDialer dialer) {
    this.dialer = dialer;
  }

  @Override
  public Health health() {
    DialerHealth health = dialer.health();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("running", health.running());
    details.put("storeReachable", health.storeReachable());
    details.put("schemaCurrent", health.storeReachable() && health.schemaProblem() == null);
    details.put("heartbeatFresh", health.heartbeatFresh());
    if (health.lastHeartbeat() != null) {
      details.put("lastHeartbeat", health.lastHeartbeat().toString());
    }
    details.put("circuitBreakers", health.circuitBreakers());
    details.put("problems", health.problems());
    details.put("checkedAt", health.checkedAt().toString());
    return Health.status(status(health.status())).withDetails(details).build();
  }

  private static Status status(DialerHealth.Status status) {
    return switch (status) {
      case DOWN -> Status.DOWN;
      case STOPPED -> Status.OUT_OF_SERVICE;
      case DEGRADED, UP -> Status.UP;
    };
  }
}
