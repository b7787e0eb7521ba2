package dev.dialkit.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dialer's health at {@link #checkedAt()}, as {@link CampaignDialer#health()} found it: the
 * facts, then a {@link #status()} and the {@link #problems()} that explain it.
 *
 * <p>The store is checked live: {@link CampaignDialer#health()} asks it for its {@link
 * dev.dialkit.campaign.spi.CampaignStore#schemaProblem() schema problem} and waits at most {@link
 * CampaignDialerBuilder#healthCheckTimeout(java.time.Duration)}. A live check, rather than the
 * outcome of the dialer's last store call, because it answers for a dialer that is not started or
 * is idle, and it reads the schema at the same time.
 *
 * @param running whether the dialer is started (and not closed)
 * @param storeProblem why the store did not answer the check (an error or a timeout), or {@code
 *     null} when it answered
 * @param schemaProblem what the store says is wrong with its schema, or {@code null} when nothing
 *     is (or the store did not answer)
 * @param lastHeartbeat when this instance last wrote its heartbeat, or {@code null} if it never did
 * @param heartbeatFresh whether {@code lastHeartbeat} is within the lease TTL of {@code checkedAt}:
 *     other instances still see this one alive and its leases held
 * @param circuitBreakers each provider's circuit-breaker state by provider name: {@code CLOSED},
 *     {@code OPEN}, {@code HALF_OPEN} (the names {@link DialkitEvent.ProviderCircuitChanged} uses)
 * @param checkedAt when the check was made, by the dialer's clock
 */
public record DialerHealth(
    boolean running,
    String storeProblem,
    String schemaProblem,
    Instant lastHeartbeat,
    boolean heartbeatFresh,
    Map<String, String> circuitBreakers,
    Instant checkedAt) {

  /** A dialer's health in one word, worst first. */
  public enum Status {
    /** The store does not answer, its schema is wrong, or a running dialer's heartbeat is stale. */
    DOWN,
    /** The dialer is not started (or closed): it places no call. */
    STOPPED,
    /** It dials, but a provider's circuit breaker is not closed: that provider's calls wait. */
    DEGRADED,
    /** Everything checked is fine. */
    UP
  }

  public DialerHealth {
    if (circuitBreakers == null || checkedAt == null) {
      throw new IllegalArgumentException("health circuitBreakers and checkedAt are required");
    }
    if (heartbeatFresh && lastHeartbeat == null) {
      throw new IllegalArgumentException("a fresh heartbeat needs its lastHeartbeat");
    }
    if (storeProblem != null && schemaProblem != null) {
      throw new IllegalArgumentException("a store that did not answer reports no schema problem");
    }
    circuitBreakers = Map.copyOf(circuitBreakers);
  }

  /** Whether the store answered the check. */
  public boolean storeReachable() {
    return storeProblem == null;
  }

  /** Whether {@link #status()} is {@link Status#UP}. */
  public boolean healthy() {
    return status() == Status.UP;
  }

  /** The worst status any {@link #problems() problem} leads to; {@link Status#UP} if none. */
  public Status status() {
    if (storeProblem != null || schemaProblem != null || (running && !heartbeatFresh)) {
      return Status.DOWN;
    }
    if (!running) {
      return Status.STOPPED;
    }
    return openBreakers().isEmpty() ? Status.UP : Status.DEGRADED;
  }

  /** Why the status is not {@link Status#UP}, one sentence each; empty when it is. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (storeProblem != null) {
      out.add("the store did not answer: " + storeProblem);
    }
    if (schemaProblem != null) {
      out.add("the store's schema is not ready: " + schemaProblem);
    }
    if (!running) {
      out.add("the dialer is not started");
    } else if (!heartbeatFresh) {
      out.add(
          lastHeartbeat == null
              ? "no heartbeat written yet"
              : "last heartbeat at " + lastHeartbeat + " is older than the lease TTL");
    }
    openBreakers()
        .forEach((provider, state) -> out.add("circuit breaker of " + provider + " is " + state));
    return List.copyOf(out);
  }

  private Map<String, String> openBreakers() {
    Map<String, String> open = new TreeMap<>();
    circuitBreakers.forEach(
        (provider, state) -> {
          if (!"CLOSED".equals(state)) {
            open.put(provider, state);
          }
        });
    return open;
  }
}
