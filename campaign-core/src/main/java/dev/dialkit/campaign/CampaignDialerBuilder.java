package dev.dialkit.campaign;

import dev.dialkit.campaign.internal.DefaultCampaignDialer;
import dev.dialkit.campaign.internal.DialerSettings;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.TaskScheduler;
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

  /** {@code 15 s}: how long a campaign's dispatch lease lasts without renewal. */
  public static final Duration DEFAULT_LEASE_TTL = Duration.ofSeconds(15);

  /** {@value}: the largest webhook body accepted, in bytes (64 KiB). */
  public static final int DEFAULT_MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

  /** {@value}: events queued per listener before the oldest are dropped. */
  public static final int DEFAULT_LISTENER_QUEUE_CAPACITY = 10_000;

  private CampaignStore store;
  private final Map<String, CallProvider> providers = new LinkedHashMap<>();
  private ConcurrencyPolicy concurrency = ConcurrencyPolicy.defaults();
  private Clock clock = Clock.systemUTC();
  private TaskScheduler scheduler;
  private final List<DialkitListener> listeners = new ArrayList<>();
  private Executor listenerExecutor;
  private String instanceId = "dialer-" + UUID.randomUUID();
  private Duration pollInterval = DEFAULT_POLL_INTERVAL;
  private Duration leaseTtl = DEFAULT_LEASE_TTL;
  private int maxWebhookBodyBytes = DEFAULT_MAX_WEBHOOK_BODY_BYTES;
  private int listenerQueueCapacity = DEFAULT_LISTENER_QUEUE_CAPACITY;

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
          "provider.name", name, "must be 1 to 32 letters, digits or '-'");
    }
    if (providers.containsKey(name)) {
      throw new InvalidConfigurationException("provider", name, "is already added");
    }
    providers.put(name, provider);
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
          "instanceId", instanceId, "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
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

  /** How long a dispatch lease lasts without renewal; default 15 s, 1 s to 10 min. */
  public CampaignDialerBuilder leaseTtl(Duration leaseTtl) {
    this.leaseTtl = checkRange("leaseTtl", leaseTtl, Duration.ofSeconds(1), Duration.ofMinutes(10));
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
            listenerQueueCapacity));
  }
}
