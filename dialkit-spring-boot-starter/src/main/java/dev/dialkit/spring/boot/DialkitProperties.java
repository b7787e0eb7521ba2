package dev.dialkit.spring.boot;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Every {@code CampaignDialerBuilder} setting as a {@code dialkit.*} property, plus the starter's
 * own (store, providers, webhooks, Jackson, metrics). Unset settings keep the builder's {@code
 * DEFAULT_*} constants, which the defaults here repeat (a test checks that they agree). Anything
 * not expressible as a property (a clock, a scheduler, a listener executor) goes through a {@link
 * DialkitDialerCustomizer} bean.
 */
@ConfigurationProperties("dialkit")
public class DialkitProperties {
  /**
   * This instance's id in leases and logs: 1 to 64 letters, digits, '.', '_', ':' or '-'. Default
   * dialer-<random uuid>.
   */
  private String instanceId;

  /**
   * The secret Dialkit signs callback URLs with for providers that sign nothing (SansPBX, Bolna):
   * at least 32 characters, stable across restarts and instances. Required when such a provider is
   * configured; never logged.
   */
  private String callbackSecret;

  /**
   * The scheme, host, port (and any path prefix a proxy adds) at which providers reach this
   * application, such as https://dialer.example.com. The providers' callback URLs are this plus the
   * webhook path; webhook signatures are checked against this plus the request's path and query.
   * Required for providers that take a callback URL.
   */
  private String publicBaseUrl;

  /**
   * Whether the dialer starts dialing once the web server listens. false: the application calls
   * CampaignDialer.start() itself.
   */
  private boolean autoStartup = true;

  /** How often to look for slots freed by other instances; 10 ms to 1 min. */
  private Duration pollInterval = Duration.ofMillis(250);

  /**
   * How often this instance writes its heartbeat and renews its leases; 10 ms to 1 min, at most
   * half the lease TTL.
   */
  private Duration heartbeatInterval = Duration.ofSeconds(5);

  /**
   * How long a campaign's dispatch lease lasts without renewal, so how long after an instance dies
   * another takes its campaigns over; 20 ms to 10 min.
   */
  private Duration leaseTtl = Duration.ofSeconds(15);

  /**
   * The largest webhook body accepted, in bytes, 1024 to 16777216; a larger one is answered 413
   * without being read.
   */
  private int maxWebhookBodyBytes = 65536;

  /** Events queued per listener before the oldest are dropped; at least 16. */
  private int listenerQueueCapacity = 10000;

  /**
   * How often the watchdog ends calls whose end was never reported and releases abandoned claims; 1
   * s to 1 h.
   */
  private Duration watchdogInterval = Duration.ofSeconds(10);

  /**
   * How long past ring timeout plus max call duration a call may wait for its end before the
   * provider is asked; 0 to 1 h.
   */
  private Duration watchdogGrace = Duration.ofMinutes(2);

  /**
   * After an ambiguous failure to place a call, how long to wait for its webhooks before asking the
   * provider; 0 to 1 h.
   */
  private Duration reconcileDelay = Duration.ofSeconds(30);

  /** How long a lead waits after a pre-dial hook failed; 0 to 1 day. */
  private Duration hookRetryDelay = Duration.ofMinutes(1);

  /**
   * How long a lead waits after its call could not be placed for a transient reason; 0 to 1 day.
   */
  private Duration placeRetryDelay = Duration.ofMinutes(1);

  /** The least time between two progress events of one campaign; 0 to 1 min. */
  private Duration progressInterval = Duration.ofMillis(250);

  /**
   * How long a dial permit stays good, so the longest pause and cancel wait for a request being
   * sent; 100 ms to 1 min.
   */
  private Duration permitTimeout = Duration.ofSeconds(2);

  /**
   * How long a call in progress may have been silent before recovery asks the provider about it; 0
   * to 1 h.
   */
  private Duration recoveryGrace = Duration.ofSeconds(10);

  /**
   * How long a health check (CampaignDialer.health(), the Actuator health indicator) waits for the
   * store before it reports it unreachable; 10 ms to 1 min.
   */
  private Duration healthCheckTimeout = Duration.ofSeconds(2);

  /** Status queries per second per provider during recovery; more than 0, at most 1000. */
  private double statusQueriesPerSecond = 5;

  /**
   * How imported leads are prioritised: seed-score (by the lead's score) or as-given (in import
   * order).
   */
  private PriorityPolicyName priorityPolicy = PriorityPolicyName.SEED_SCORE;

  /** How many calls may be in progress at once. */
  @NestedConfigurationProperty
  private final ConcurrencyProperties concurrency = new ConcurrencyProperties();

  /** How often one number may be called, for every tenant without caps of its own. */
  @NestedConfigurationProperty
  private final AttemptCapsProperties attemptCaps = new AttemptCapsProperties();

  /**
   * When to rest a caller id whose calls stop getting through, for every tenant without its own.
   */
  @NestedConfigurationProperty
  private final CallerIdHealthProperties callerIdHealth = new CallerIdHealthProperties();

  /**
   * Per-tenant attempt caps and caller id health, by tenant id; they replace the global ones for
   * that tenant.
   */
  private final Map<String, TenantProperties> tenants = new LinkedHashMap<>();

  /** Retries of create-call requests the provider certainly did not act on. */
  @NestedConfigurationProperty private final RetryProperties providerRetry = new RetryProperties();

  /** The circuit breaker each provider gets. */
  @NestedConfigurationProperty
  private final CircuitBreakerProperties circuitBreaker = new CircuitBreakerProperties();

  /** Where campaigns, leads and calls are kept. */
  @NestedConfigurationProperty private final StoreProperties store = new StoreProperties();

  /** The providers built from properties. */
  @NestedConfigurationProperty
  private final ProvidersProperties providers = new ProvidersProperties();

  /** The Spring MVC webhook endpoint. */
  @NestedConfigurationProperty private final WebhookProperties webhooks = new WebhookProperties();

  /** How Dialkit's types are written as JSON by the application's ObjectMapper. */
  @NestedConfigurationProperty private final JacksonProperties jackson = new JacksonProperties();

  /** Micrometer metrics. */
  @NestedConfigurationProperty private final MetricsProperties metrics = new MetricsProperties();

  public String getInstanceId() {
    return instanceId;
  }

  public void setInstanceId(String instanceId) {
    this.instanceId = instanceId;
  }

  public String getCallbackSecret() {
    return callbackSecret;
  }

  public void setCallbackSecret(String callbackSecret) {
    this.callbackSecret = callbackSecret;
  }

  public String getPublicBaseUrl() {
    return publicBaseUrl;
  }

  public void setPublicBaseUrl(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  public boolean isAutoStartup() {
    return autoStartup;
  }

  public void setAutoStartup(boolean autoStartup) {
    this.autoStartup = autoStartup;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public Duration getHeartbeatInterval() {
    return heartbeatInterval;
  }

  public void setHeartbeatInterval(Duration heartbeatInterval) {
    this.heartbeatInterval = heartbeatInterval;
  }

  public Duration getLeaseTtl() {
    return leaseTtl;
  }

  public void setLeaseTtl(Duration leaseTtl) {
    this.leaseTtl = leaseTtl;
  }

  public int getMaxWebhookBodyBytes() {
    return maxWebhookBodyBytes;
  }

  public void setMaxWebhookBodyBytes(int maxWebhookBodyBytes) {
    this.maxWebhookBodyBytes = maxWebhookBodyBytes;
  }

  public int getListenerQueueCapacity() {
    return listenerQueueCapacity;
  }

  public void setListenerQueueCapacity(int listenerQueueCapacity) {
    this.listenerQueueCapacity = listenerQueueCapacity;
  }

  public Duration getWatchdogInterval() {
    return watchdogInterval;
  }

  public void setWatchdogInterval(Duration watchdogInterval) {
    this.watchdogInterval = watchdogInterval;
  }

  public Duration getWatchdogGrace() {
    return watchdogGrace;
  }

  public void setWatchdogGrace(Duration watchdogGrace) {
    this.watchdogGrace = watchdogGrace;
  }

  public Duration getReconcileDelay() {
    return reconcileDelay;
  }

  public void setReconcileDelay(Duration reconcileDelay) {
    this.reconcileDelay = reconcileDelay;
  }

  public Duration getHookRetryDelay() {
    return hookRetryDelay;
  }

  public void setHookRetryDelay(Duration hookRetryDelay) {
    this.hookRetryDelay = hookRetryDelay;
  }

  public Duration getPlaceRetryDelay() {
    return placeRetryDelay;
  }

  public void setPlaceRetryDelay(Duration placeRetryDelay) {
    this.placeRetryDelay = placeRetryDelay;
  }

  public Duration getProgressInterval() {
    return progressInterval;
  }

  public void setProgressInterval(Duration progressInterval) {
    this.progressInterval = progressInterval;
  }

  public Duration getPermitTimeout() {
    return permitTimeout;
  }

  public void setPermitTimeout(Duration permitTimeout) {
    this.permitTimeout = permitTimeout;
  }

  public Duration getRecoveryGrace() {
    return recoveryGrace;
  }

  public void setRecoveryGrace(Duration recoveryGrace) {
    this.recoveryGrace = recoveryGrace;
  }

  public Duration getHealthCheckTimeout() {
    return healthCheckTimeout;
  }

  public void setHealthCheckTimeout(Duration healthCheckTimeout) {
    this.healthCheckTimeout = healthCheckTimeout;
  }

  public double getStatusQueriesPerSecond() {
    return statusQueriesPerSecond;
  }

  public void setStatusQueriesPerSecond(double statusQueriesPerSecond) {
    this.statusQueriesPerSecond = statusQueriesPerSecond;
  }

  public PriorityPolicyName getPriorityPolicy() {
    return priorityPolicy;
  }

  public void setPriorityPolicy(PriorityPolicyName priorityPolicy) {
    this.priorityPolicy = priorityPolicy;
  }

  public ConcurrencyProperties getConcurrency() {
    return concurrency;
  }

  public AttemptCapsProperties getAttemptCaps() {
    return attemptCaps;
  }

  public CallerIdHealthProperties getCallerIdHealth() {
    return callerIdHealth;
  }

  public Map<String, TenantProperties> getTenants() {
    return tenants;
  }

  public RetryProperties getProviderRetry() {
    return providerRetry;
  }

  public CircuitBreakerProperties getCircuitBreaker() {
    return circuitBreaker;
  }

  public StoreProperties getStore() {
    return store;
  }

  public ProvidersProperties getProviders() {
    return providers;
  }

  public WebhookProperties getWebhooks() {
    return webhooks;
  }

  public JacksonProperties getJackson() {
    return jackson;
  }

  public MetricsProperties getMetrics() {
    return metrics;
  }

  /** The lead priority policies that have a name. */
  public enum PriorityPolicyName {
    /** {@code PriorityPolicy.seedScore()}, the default. */
    SEED_SCORE,
    /** {@code PriorityPolicy.asGiven()}. */
    AS_GIVEN
  }
}
