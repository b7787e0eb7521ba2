package dev.dialkit.campaign;

/**
 * Dialkit's entry point: one per application instance. It dials the leads of every running campaign
 * in its store, within the {@link ConcurrencyPolicy}, refilling each freed slot at once, and tracks
 * every call from the provider's webhooks.
 *
 * <pre>{@code
 * CampaignDialer dialer = CampaignDialer.builder()
 *     .store(store)
 *     .provider(provider)
 *     .concurrency(ConcurrencyPolicy.builder().global(10).perTenant(2).build())
 *     .listener(event -> dashboard.push(event))
 *     .build();
 * dialer.start();
 * }</pre>
 *
 * <p>Until {@link #start()} the dialer places no call, but every other operation works. {@link
 * #close()} stops dialing; calls in progress continue at the provider and are picked up again by
 * the next dialer started on the same store.
 */
public interface CampaignDialer extends AutoCloseable {
  static CampaignDialerBuilder builder() {
    return new CampaignDialerBuilder();
  }

  /** Starts dialing. Idempotent. */
  void start();

  /** Stops dialing and releases this instance's threads and leases. Idempotent. */
  @Override
  void close();

  /** The id this instance claims leads and leases under. */
  String instanceId();

  Campaigns campaigns();

  Leads leads();

  /** Each tenant's do-not-call list. */
  Suppressions suppressions();

  Calls calls();

  CallLog callLog();

  Webhooks webhooks();

  /**
   * This dialer's health now: whether it runs, whether the store answers (asked live, waiting at
   * most {@link CampaignDialerBuilder#healthCheckTimeout}) and what it says of its schema, when
   * this instance last wrote its heartbeat, and each provider's circuit breaker; see {@link
   * DialerHealth}. Safe to call from any thread, before {@link #start()} and after {@link
   * #close()}; never throws.
   */
  DialerHealth health();
}
