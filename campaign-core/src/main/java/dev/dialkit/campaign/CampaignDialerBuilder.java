package dev.dialkit.campaign;

import dev.dialkit.campaign.internal.DefaultCampaignDialer;
import dev.dialkit.campaign.internal.DialerSettings;
import dev.dialkit.campaign.internal.Observers;
import dev.dialkit.campaign.internal.PerTenant;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.TaskScheduler;
import dev.dialkit.campaign.spi.Untrusted;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Builds a {@link CampaignDialer}. A store and at least one provider are required; every other
 * setting has a default named by a public {@code DEFAULT_*} constant. Each setter checks its value
 * and names the field in its {@link InvalidConfigurationException}.
 */
public final class CampaignDialerBuilder {
  /** {@code 250 ms}: how often the executor looks for slots freed by other instances. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);

  /** {@code 5 s}: how often an instance writes its heartbeat to the store. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

  /**
   * {@code 15 s}, three heartbeats: how long a campaign's dispatch lease lasts without renewal, so
   * how long after an instance dies another takes its campaigns over.
   */
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(15);

  /** {@value}: the largest webhook body accepted, in bytes (64 KiB). */
  public static final int DEFAULT_MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

  /** {@code 250 ms}: the least time between two progress events of one campaign. */
  public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(250);

  /**
   * {@code 2 s}: how long {@link CampaignDialer#health()} waits for the store to answer before it
   * reports the store unreachable.
   */
  public static final Duration DEFAULT_HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

  /** {@value}: events queued per listener before the oldest are dropped. */
  public static final int DEFAULT_LISTENER_QUEUE_CAPACITY = 10_000;

  /**
   * {@code 10 s}: how often the watchdog runs a recovery round: it ends calls whose end was never
   * reported, releases claims whose placement was abandoned (within two rounds) and asks the
   * provider about calls that went silent.
   */
  public static final Duration DEFAULT_WATCHDOG_INTERVAL = Duration.ofSeconds(10);

  /**
   * {@code 2 s}: how long a dial permit stays good. The create request is sent within this time of
   * its permit or never (an instance that stalls longer releases the call instead), so {@link
   * Campaigns#pause} and {@link Campaigns#cancel} wait at most this long for requests another
   * instance is handing to the provider at that moment.
   */
  public static final Duration DEFAULT_PERMIT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * {@code 10 s}: at start-up, after a takeover and after a store outage, a call in progress that
   * has had no news for longer than this is asked of the provider at once: webhooks that arrived
   * while no instance could record them are not sent again.
   */
  public static final Duration DEFAULT_RECOVERY_GRACE = Duration.ofSeconds(10);

  /** {@value}: status queries per second per provider during recovery. */
  public static final double DEFAULT_STATUS_QUERIES_PER_SECOND = 5;

  /**
   * {@code 2 min}: how long after ring timeout plus max call duration a call may still be waiting
   * for its end before the watchdog asks the provider about it.
   */
  public static final Duration DEFAULT_WATCHDOG_GRACE = Duration.ofMinutes(2);

  /**
   * {@code 30 s}: after an ambiguous failure to place a call, how long Dialkit waits for its
   * webhooks before asking the provider whether the call exists.
   */
  public static final Duration DEFAULT_RECONCILE_DELAY = Duration.ofSeconds(30);

  /** {@code 1 min}: how long a lead waits after a pre-dial hook failed before it is tried again. */
  public static final Duration DEFAULT_HOOK_RETRY_DELAY = Duration.ofMinutes(1);

  /**
   * {@code 1 min}: how long a lead waits when placing its call failed transiently after every
   * retry, or the provider's circuit breaker is open.
   */
  public static final Duration DEFAULT_PLACE_RETRY_DELAY = Duration.ofMinutes(1);

  /**
   * Retries of a create-call request that the provider certainly did not act on (HTTP 429,
   * connection refused): 3 attempts, exponential backoff from 1 s.
   */
  public static final RetryConfig DEFAULT_PROVIDER_RETRY =
      RetryConfig.custom()
          .maxAttempts(3)
          .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofSeconds(1), 2))
          .retryOnException(e -> e instanceof ProviderException pe && pe.isRetryable())
          .build();

  /**
   * The circuit breaker each provider gets: opens when 50 % of the last 20 create requests failed
   * for the provider's reasons (not for a bad number), stays open 30 s, then lets 3 requests probe.
   */
  public static final CircuitBreakerConfig DEFAULT_CIRCUIT_BREAKER =
      CircuitBreakerConfig.custom()
          .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
          .slidingWindowSize(20)
          .minimumNumberOfCalls(10)
          .failureRateThreshold(50)
          .waitDurationInOpenState(Duration.ofSeconds(30))
          .permittedNumberOfCallsInHalfOpenState(3)
          .recordException(
              e -> e instanceof ProviderException pe && (pe.isRetryable() || pe.isAmbiguous()))
          .build();

  private CampaignStore store;
  private final Map<String, CallProvider> providers = new LinkedHashMap<>();
  private ConcurrencyPolicy concurrency = ConcurrencyPolicy.defaults();
  private AttemptCaps attemptCaps = AttemptCaps.NONE;
  private final java.util.Map<TenantId, AttemptCaps> attemptCapsByTenant =
      new java.util.LinkedHashMap<>();
  private CallerIdHealth callerIdHealth = CallerIdHealth.OFF;
  private final java.util.Map<TenantId, CallerIdHealth> callerIdHealthByTenant =
      new java.util.LinkedHashMap<>();
  private Clock clock = Clock.systemUTC();
  private TaskScheduler scheduler;
  private final List<DialkitListener> listeners = new ArrayList<>();
  private Executor listenerExecutor;
  private final List<DialerObserver> observers = new ArrayList<>();
  private Duration healthCheckTimeout = DEFAULT_HEALTH_CHECK_TIMEOUT;
  private String instanceId = "dialer-" + UUID.randomUUID();
  private Duration pollInterval = DEFAULT_POLL_INTERVAL;
  private Duration leaseTtl = DEFAULT_LEASE_TTL;
  private Duration heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL;
  private int maxWebhookBodyBytes = DEFAULT_MAX_WEBHOOK_BODY_BYTES;
  private int listenerQueueCapacity = DEFAULT_LISTENER_QUEUE_CAPACITY;
  private PriorityPolicy priorityPolicy = PriorityPolicy.seedScore();
  private final List<PreDialHook> preDialHooks = new ArrayList<>();
  private RetryConfig providerRetry = DEFAULT_PROVIDER_RETRY;
  private CircuitBreakerConfig circuitBreaker = DEFAULT_CIRCUIT_BREAKER;
  private Duration watchdogInterval = DEFAULT_WATCHDOG_INTERVAL;
  private Duration watchdogGrace = DEFAULT_WATCHDOG_GRACE;
  private Duration reconcileDelay = DEFAULT_RECONCILE_DELAY;
  private Duration hookRetryDelay = DEFAULT_HOOK_RETRY_DELAY;
  private Duration placeRetryDelay = DEFAULT_PLACE_RETRY_DELAY;
  private String callbackSecret;
  private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;
  private Duration permitTimeout = DEFAULT_PERMIT_TIMEOUT;
  private Duration recoveryGrace = DEFAULT_RECOVERY_GRACE;
  private double statusQueriesPerSecond = DEFAULT_STATUS_QUERIES_PER_SECOND;

  CampaignDialerBuilder() {}

  /** Where campaigns, leads and calls are kept. Required. */
  public CampaignDialerBuilder store(CampaignStore store) {
    this.store = InvalidConfigurationException.required("store", store);
    return this;
  }

  /**
   * Adds a provider. At least one is required; a campaign names its provider, or uses the first
   * added.
   */
  public CampaignDialerBuilder provider(CallProvider provider) {
    InvalidConfigurationException.required("provider", provider);
    String name = provider.name();
    if (name == null || !name.matches("[A-Za-z0-9-]{1,32}")) {
      throw new InvalidConfigurationException(
          "provider.name", Untrusted.quote(name), "must be 1 to 32 letters, digits or '-'");
    }
    if (providers.containsKey(name)) {
      throw new InvalidConfigurationException("provider", name, "is already added");
    }
    providers.put(name, provider);
    return this;
  }

  /**
   * How often one number may be called across all campaigns of every tenant that has no caps of its
   * own; default {@link AttemptCaps#NONE}. Enforced by the store inside each claim. Configure every
   * instance sharing a store alike: the store serializes the claims of one number only among claims
   * that carry caps.
   */
  public CampaignDialerBuilder attemptCaps(AttemptCaps caps) {
    this.attemptCaps = InvalidConfigurationException.required("attemptCaps", caps);
    return this;
  }

  /** How often one number may be called across all campaigns of {@code tenant}. */
  public CampaignDialerBuilder attemptCaps(TenantId tenant, AttemptCaps caps) {
    InvalidConfigurationException.required("attemptCaps.tenant", tenant);
    attemptCapsByTenant.put(tenant, InvalidConfigurationException.required("attemptCaps", caps));
    return this;
  }

  /**
   * When to rest a caller id whose calls stop getting through, for every tenant without its own;
   * default {@link CallerIdHealth#OFF}. Judged in this instance's memory: configure every instance
   * alike.
   */
  public CampaignDialerBuilder callerIdHealth(CallerIdHealth health) {
    this.callerIdHealth = InvalidConfigurationException.required("callerIdHealth", health);
    return this;
  }

  /**
   * When to rest a caller id of {@code tenant}; overrides {@link #callerIdHealth(CallerIdHealth)}.
   */
  public CampaignDialerBuilder callerIdHealth(TenantId tenant, CallerIdHealth health) {
    InvalidConfigurationException.required("callerIdHealth.tenant", tenant);
    callerIdHealthByTenant.put(
        tenant, InvalidConfigurationException.required("callerIdHealth", health));
    return this;
  }

  /** Concurrency limits; default {@link ConcurrencyPolicy#defaults()}. */
  public CampaignDialerBuilder concurrency(ConcurrencyPolicy concurrency) {
    this.concurrency = InvalidConfigurationException.required("concurrency", concurrency);
    return this;
  }

  /** Where every instant comes from; default {@link Clock#systemUTC()}. */
  public CampaignDialerBuilder clock(Clock clock) {
    this.clock = InvalidConfigurationException.required("clock", clock);
    return this;
  }

  /**
   * Where dialing work and delays run; default a scheduler with two daemon threads that {@link
   * CampaignDialer#close()} shuts down. A scheduler given here is not shut down by the dialer.
   */
  public CampaignDialerBuilder scheduler(TaskScheduler scheduler) {
    this.scheduler = InvalidConfigurationException.required("scheduler", scheduler);
    return this;
  }

  /** Adds a listener for {@link DialkitEvent}s. */
  public CampaignDialerBuilder listener(DialkitListener listener) {
    listeners.add(InvalidConfigurationException.required("listener", listener));
    return this;
  }

  /**
   * Adds an observer of claims, placements, failed create requests, webhooks and store failures
   * (for metrics); several may be added. Observers are called on the dialer's threads: see {@link
   * DialerObserver}.
   */
  public CampaignDialerBuilder observer(DialerObserver observer) {
    observers.add(InvalidConfigurationException.required("observer", observer));
    return this;
  }

  /**
   * How long {@link CampaignDialer#health()} waits for the store; default 2 s, 10 ms to 1 min. A
   * store slower than this is reported unreachable.
   */
  public CampaignDialerBuilder healthCheckTimeout(Duration timeout) {
    this.healthCheckTimeout =
        checkRange("healthCheckTimeout", timeout, Duration.ofMillis(10), Duration.ofMinutes(1));
    return this;
  }

  /**
   * Where listeners run; default a pool of daemon threads shut down by {@link
   * CampaignDialer#close()}. Each listener still receives its events one at a time, in order.
   */
  public CampaignDialerBuilder listenerExecutor(Executor executor) {
    this.listenerExecutor = InvalidConfigurationException.required("listenerExecutor", executor);
    return this;
  }

  /** This instance's id in leases and logs; default {@code dialer-<random uuid>}. */
  public CampaignDialerBuilder instanceId(String instanceId) {
    if (instanceId == null || !instanceId.matches("[A-Za-z0-9._:-]{1,64}")) {
      throw new InvalidConfigurationException(
          "instanceId",
          Untrusted.quote(instanceId),
          "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
    }
    this.instanceId = instanceId;
    return this;
  }

  /** How often to look for slots freed elsewhere; default 250 ms, 10 ms to 1 min. */
  public CampaignDialerBuilder pollInterval(Duration pollInterval) {
    this.pollInterval =
        checkRange("pollInterval", pollInterval, Duration.ofMillis(10), Duration.ofMinutes(1));
    return this;
  }

  /**
   * How often this instance writes its heartbeat and renews its leases; default 5 s, 10 ms to 1
   * min. The lease TTL must be at least twice this.
   */
  public CampaignDialerBuilder heartbeatInterval(Duration interval) {
    this.heartbeatInterval =
        checkRange("heartbeatInterval", interval, Duration.ofMillis(10), Duration.ofMinutes(1));
    return this;
  }

  /** How long a dispatch lease lasts without renewal; default 15 s, 20 ms to 10 min. */
  public CampaignDialerBuilder leaseTtl(Duration leaseTtl) {
    this.leaseTtl = checkRange("leaseTtl", leaseTtl, Duration.ofMillis(20), Duration.ofMinutes(10));
    return this;
  }

  /** The largest webhook body accepted; default 64 KiB, 1 KiB to 16 MiB. */
  public CampaignDialerBuilder maxWebhookBodyBytes(int bytes) {
    if (bytes < 1024 || bytes > 16 * 1024 * 1024) {
      throw new InvalidConfigurationException(
          "maxWebhookBodyBytes", bytes, "must be between 1024 and 16777216");
    }
    this.maxWebhookBodyBytes = bytes;
    return this;
  }

  /** Events queued per listener before the oldest are dropped; default 10,000, >= 16. */
  public CampaignDialerBuilder listenerQueueCapacity(int capacity) {
    this.listenerQueueCapacity =
        InvalidConfigurationException.atLeast("listenerQueueCapacity", capacity, 16);
    return this;
  }

  /** How imported leads are prioritised; default {@link PriorityPolicy#seedScore()}. */
  public CampaignDialerBuilder priorityPolicy(PriorityPolicy priorityPolicy) {
    this.priorityPolicy = InvalidConfigurationException.required("priorityPolicy", priorityPolicy);
    return this;
  }

  /** Adds a hook run before every call is placed, in the order added. */
  public CampaignDialerBuilder preDialHook(PreDialHook hook) {
    preDialHooks.add(InvalidConfigurationException.required("preDialHook", hook));
    return this;
  }

  /**
   * Retries of create-call requests the provider certainly did not act on; default {@link
   * #DEFAULT_PROVIDER_RETRY}. Only exceptions the config retries are retried, and never an
   * ambiguous one.
   */
  public CampaignDialerBuilder providerRetry(RetryConfig retry) {
    this.providerRetry = InvalidConfigurationException.required("providerRetry", retry);
    return this;
  }

  /** The circuit breaker of each provider; default {@link #DEFAULT_CIRCUIT_BREAKER}. */
  public CampaignDialerBuilder circuitBreaker(CircuitBreakerConfig config) {
    this.circuitBreaker = InvalidConfigurationException.required("circuitBreaker", config);
    return this;
  }

  /** How often the watchdog runs; default 10 s, 1 s to 1 h. */
  public CampaignDialerBuilder watchdogInterval(Duration interval) {
    this.watchdogInterval =
        checkRange("watchdogInterval", interval, Duration.ofSeconds(1), Duration.ofHours(1));
    return this;
  }

  /** Extra wait past ring timeout plus max call duration; default 2 min, 0 to 1 h. */
  public CampaignDialerBuilder watchdogGrace(Duration grace) {
    this.watchdogGrace = checkRange("watchdogGrace", grace, Duration.ZERO, Duration.ofHours(1));
    return this;
  }

  /** Wait before reconciling an ambiguous create; default 30 s, 0 to 1 h. */
  public CampaignDialerBuilder reconcileDelay(Duration delay) {
    this.reconcileDelay = checkRange("reconcileDelay", delay, Duration.ZERO, Duration.ofHours(1));
    return this;
  }

  /** Wait before retrying a lead whose pre-dial hook failed; default 1 min, 0 to 1 day. */
  public CampaignDialerBuilder hookRetryDelay(Duration delay) {
    this.hookRetryDelay = checkRange("hookRetryDelay", delay, Duration.ZERO, Duration.ofDays(1));
    return this;
  }

  /**
   * Wait before retrying a lead whose call could not be placed for a transient reason after every
   * retry; default 1 min, 0 to 1 day.
   */
  public CampaignDialerBuilder placeRetryDelay(Duration delay) {
    this.placeRetryDelay = checkRange("placeRetryDelay", delay, Duration.ZERO, Duration.ofDays(1));
    return this;
  }

  /**
   * The secret Dialkit signs callback URLs with for providers that do not sign their webhooks
   * (SansPBX, Bolna): at least 32 characters, not all whitespace. Required when such a provider is
   * added; keep it stable across restarts and instances, or webhooks of calls in progress are
   * rejected. Its errors show only its length, never the secret.
   */
  public CampaignDialerBuilder callbackSecret(String secret) {
    if (secret == null || secret.length() < 32) {
      throw new InvalidConfigurationException(
          "callbackSecret",
          secret == null ? null : secret.length() + " characters",
          "must be at least 32 characters");
    }
    if (secret.isBlank()) {
      throw new InvalidConfigurationException(
          "callbackSecret", secret.length() + " blank characters", "must not be blank");
    }
    this.callbackSecret = secret;
    return this;
  }

  /** The least time between two progress events of a campaign; default 250 ms, 0 to 1 min. */
  public CampaignDialerBuilder progressInterval(Duration interval) {
    this.progressInterval =
        checkRange("progressInterval", interval, Duration.ZERO, Duration.ofMinutes(1));
    return this;
  }

  /**
   * How long a dial permit stays good, and so the longest {@code pause} and {@code cancel} wait for
   * a request being handed to the provider; default {@link #DEFAULT_PERMIT_TIMEOUT}, 100 ms to 1
   * min. Keep it well above the store's latency: a permit that takes longer than this to arrive is
   * not used.
   */
  public CampaignDialerBuilder permitTimeout(Duration timeout) {
    this.permitTimeout =
        checkRange("permitTimeout", timeout, Duration.ofMillis(100), Duration.ofMinutes(1));
    return this;
  }

  /**
   * How long a call in progress may have been silent before recovery asks the provider about it;
   * default {@link #DEFAULT_RECOVERY_GRACE}, 0 to 1 h.
   */
  public CampaignDialerBuilder recoveryGrace(Duration grace) {
    this.recoveryGrace = checkRange("recoveryGrace", grace, Duration.ZERO, Duration.ofHours(1));
    return this;
  }

  /**
   * Status queries per second per provider during recovery; default {@link
   * #DEFAULT_STATUS_QUERIES_PER_SECOND}, more than 0 and at most 1,000.
   */
  public CampaignDialerBuilder statusQueriesPerSecond(double perSecond) {
    if (!(perSecond > 0) || perSecond > 1000) {
      throw new InvalidConfigurationException(
          "statusQueriesPerSecond", perSecond, "must be more than 0 and at most 1000");
    }
    this.statusQueriesPerSecond = perSecond;
    return this;
  }

  private static Duration checkRange(String field, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidConfigurationException(
          field, value, "must be between " + min + " and " + max);
    }
    return value;
  }

  /**
   * Builds the dialer.
   *
   * @throws InvalidConfigurationException if no store or no provider was given
   */
  public CampaignDialer build() {
    InvalidConfigurationException.required("store", store);
    if (providers.isEmpty()) {
      throw new InvalidConfigurationException("provider", null, "is required (add at least one)");
    }
    if (leaseTtl.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
      throw new InvalidConfigurationException(
          "leaseTtl", leaseTtl, "must be at least twice heartbeatInterval " + heartbeatInterval);
    }
    for (CallProvider provider : providers.values()) {
      if (!provider.capabilities().signsWebhooks() && callbackSecret == null) {
        throw new InvalidConfigurationException(
            "callbackSecret",
            null,
            "is required: provider " + provider.name() + " does not sign its webhooks");
      }
    }
    return new DefaultCampaignDialer(
        new DialerSettings(
            store,
            Map.copyOf(providers),
            providers.keySet().iterator().next(),
            concurrency,
            clock,
            scheduler,
            List.copyOf(listeners),
            listenerExecutor,
            instanceId,
            pollInterval,
            leaseTtl,
            maxWebhookBodyBytes,
            listenerQueueCapacity,
            priorityPolicy,
            List.copyOf(preDialHooks),
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
            new PerTenant<>(attemptCaps, attemptCapsByTenant),
            new PerTenant<>(callerIdHealth, callerIdHealthByTenant),
            new Observers(observers),
            healthCheckTimeout));
  }
}
