package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignNotFoundException;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Campaigns;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Campaigns}: creation and the operator's controls (start, pause, resume, cancel). */
final class CampaignService implements Campaigns {
  private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

  /** Beyond {@code permitTimeout}: how long a synchronous stop waits for its fence at most. */
  private static final Duration FENCE_SLACK = Duration.ofSeconds(5);

  private static final Set<CampaignStatus> CANCELABLE =
      EnumSet.of(
          CampaignStatus.DRAFT,
          CampaignStatus.RUNNING,
          CampaignStatus.SCHEDULED,
          CampaignStatus.PAUSED);

  private final CampaignStore store;
  private final Map<String, CallProvider> providers;
  private final Clock clock;
  private final CampaignLifecycle lifecycle;
  private final Runnable wake;
  private final StopFence fence;
  private final HangUps hangUps;
  private final Duration permitTimeout;
  private final QueueForecast forecast;

  CampaignService(
      CampaignStore store,
      Map<String, CallProvider> providers,
      Clock clock,
      CampaignLifecycle lifecycle,
      Runnable wake,
      StopFence fence,
      HangUps hangUps,
      Duration permitTimeout,
      QueueForecast forecast) {
    this.forecast = forecast;
    this.store = store;
    this.providers = providers;
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.wake = wake;
    this.fence = fence;
    this.hangUps = hangUps;
    this.permitTimeout = permitTimeout;
  }

  @Override
  public CampaignId create(TenantId tenant, CampaignSpec spec) {
    if (tenant == null) {
      throw new InvalidConfigurationException("tenant", null, "is required");
    }
    if (spec == null) {
      throw new InvalidConfigurationException("spec", null, "is required");
    }
    if (spec.provider() != null && !providers.containsKey(spec.provider())) {
      throw new InvalidConfigurationException(
          "provider",
          spec.provider(),
          "must be one of this dialer's providers " + providers.keySet());
    }
    for (String failover : spec.failover()) {
      if (!providers.containsKey(failover)) {
        throw new InvalidConfigurationException(
            "failover", failover, "must name only this dialer's providers " + providers.keySet());
      }
      providers.get(failover).checkAgent(spec.agent());
    }
    // the provider refuses an agent it cannot dial now, not at the campaign's first call
    (spec.provider() != null
            ? providers.get(spec.provider())
            : providers.values().iterator().next())
        .checkAgent(spec.agent());
    CampaignId id = CampaignId.random();
    store.createCampaign(Campaign.draft(id, tenant, spec, clock.instant()));
    log.info("campaign {} created for tenant {}", id, tenant);
    return id;
  }

  @Override
  public Campaign get(TenantId tenant, CampaignId id) {
    return store
        .findCampaign(tenant, id)
        .orElseThrow(() -> new CampaignNotFoundException(tenant, id));
  }

  @Override
  public List<Campaign> list(TenantId tenant) {
    return store.listCampaigns(tenant);
  }

  @Override
  public Campaign start(TenantId tenant, CampaignId id) {
    Campaign started =
        lifecycle.move(
            tenant, id, EnumSet.of(CampaignStatus.DRAFT), CampaignStatus.RUNNING, "start", null);
    wake.run();
    return started;
  }

  @Override
  public Campaign pause(TenantId tenant, CampaignId id) {
    return await(pauseAsync(tenant, id), tenant, id, "pause");
  }

  @Override
  public CompletionStage<Campaign> pauseAsync(TenantId tenant, CampaignId id) {
    Campaign paused =
        lifecycle.move(
            tenant,
            id,
            EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.SCHEDULED),
            CampaignStatus.PAUSED,
            "pause",
            "paused by an operator; calls in progress continue");
    return fence.passed(tenant, id).thenApply(v -> paused);
  }

  @Override
  public Campaign resume(TenantId tenant, CampaignId id) {
    Campaign resumed =
        lifecycle.move(
            tenant,
            id,
            EnumSet.of(CampaignStatus.PAUSED),
            CampaignStatus.RUNNING,
            "resume",
            "resumed by an operator");
    lifecycle.completeIfDone(tenant, id);
    wake.run();
    return store.findCampaign(tenant, id).orElse(resumed);
  }

  @Override
  public Campaign cancel(TenantId tenant, CampaignId id, boolean hangUp) {
    return await(cancelAsync(tenant, id, hangUp), tenant, id, "cancel");
  }

  @Override
  public CompletionStage<Campaign> cancelAsync(TenantId tenant, CampaignId id, boolean hangUp) {
    Campaign canceled =
        lifecycle.move(
            tenant,
            id,
            CANCELABLE,
            CampaignStatus.CANCELED,
            "cancel",
            hangUp ? "hanging up calls in progress" : "calls in progress continue");
    return fence
        .passed(tenant, id)
        .thenApply(
            v -> {
              if (hangUp) {
                hangUps.hangUpAll(tenant, id);
              }
              return canceled;
            });
  }

  /**
   * Waits for a stop's fence. The fence completes within {@code permitTimeout} on the dialer's
   * scheduler; the longer bound here only keeps a caller from hanging when that scheduler is not
   * running (a test that drives a manual scheduler from this thread should use the async form).
   */
  private Campaign await(
      CompletionStage<Campaign> stage, TenantId tenant, CampaignId id, String operation) {
    try {
      return stage
          .toCompletableFuture()
          .get(permitTimeout.toMillis() + FENCE_SLACK.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "campaign {}: {} is stored, but the dialer's scheduler did not confirm within {} that"
              + " requests being handed to the provider by other instances were handed over",
          id,
          operation,
          permitTimeout.plus(FENCE_SLACK));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("campaign {}: waiting for the {} fence failed", id, operation, e.getCause());
    }
    return get(tenant, id);
  }

  @Override
  public CampaignProgress progress(TenantId tenant, CampaignId id) {
    Campaign campaign = get(tenant, id);
    return forecast.progress(campaign, store.dispositionCounts(tenant, campaign.id()));
  }
}
