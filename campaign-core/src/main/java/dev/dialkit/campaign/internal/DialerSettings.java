package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CallerIdHealth;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialkitListener;
import dev.dialkit.campaign.PreDialHook;
import dev.dialkit.campaign.PriorityPolicy;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.TaskScheduler;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The checked settings of a dialer, as {@code CampaignDialerBuilder} hands them to the
 * implementation. {@code scheduler} and {@code listenerExecutor} are {@code null} when the dialer
 * is to create (and own) its own; {@code callbackSecret} is {@code null} when every provider signs
 * its own webhooks. {@code observers} are the {@code DialerObserver}s as one.
 */
public record DialerSettings(
    CampaignStore store,
    Map<String, CallProvider> providers,
    String defaultProvider,
    ConcurrencyPolicy concurrency,
    Clock clock,
    TaskScheduler scheduler,
    List<DialkitListener> listeners,
    Executor listenerExecutor,
    String instanceId,
    Duration pollInterval,
    Duration leaseTtl,
    int maxWebhookBodyBytes,
    int listenerQueueCapacity,
    PriorityPolicy priorityPolicy,
    List<PreDialHook> preDialHooks,
    RetryConfig providerRetry,
    CircuitBreakerConfig circuitBreaker,
    Duration watchdogInterval,
    Duration watchdogGrace,
    Duration reconcileDelay,
    Duration hookRetryDelay,
    Duration placeRetryDelay,
    String callbackSecret,
    Duration progressInterval,
    Duration heartbeatInterval,
    Duration permitTimeout,
    Duration recoveryGrace,
    double statusQueriesPerSecond,
    PerTenant<AttemptCaps> attemptCaps,
    PerTenant<CallerIdHealth> callerIdHealth,
    Observers observers,
    Duration healthCheckTimeout) {

  /** These settings with another store. */
  DialerSettings withStore(CampaignStore other) {
    return copy(other, providers);
  }

  /** These settings with other providers (the same names, wrapped). */
  DialerSettings withProviders(Map<String, CallProvider> other) {
    return copy(store, other);
  }

  private DialerSettings copy(CampaignStore store, Map<String, CallProvider> providers) {
    return new DialerSettings(
        store,
        providers,
        defaultProvider,
        concurrency,
        clock,
        scheduler,
        listeners,
        listenerExecutor,
        instanceId,
        pollInterval,
        leaseTtl,
        maxWebhookBodyBytes,
        listenerQueueCapacity,
        priorityPolicy,
        preDialHooks,
        providerRetry,
        circuitBreaker,
        watchdogInterval,
        watchdogGrace,
        reconcileDelay,
        hookRetryDelay,
        placeRetryDelay,
        callbackSecret,
        progressInterval,
        heartbeatInterval,
        permitTimeout,
        recoveryGrace,
        statusQueriesPerSecond,
        attemptCaps,
        callerIdHealth,
        observers,
        healthCheckTimeout);
  }
}
