package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Campaigns}: creation and the operator's controls (start, pause, resume, cancel). */
final class CampaignService implements Campaigns {
  private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
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

  CampaignService(
      CampaignStore store,
      Map<String, CallProvider> providers,
      Clock clock,
      CampaignLifecycle lifecycle,
      Runnable wake) {
    this.store = store;
    this.providers = providers;
    this.clock = clock;
    this.lifecycle = lifecycle;
    this.wake = wake;
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
    return lifecycle.move(
        tenant,
        id,
        EnumSet.of(CampaignStatus.RUNNING, CampaignStatus.SCHEDULED),
        CampaignStatus.PAUSED,
        "pause",
        "paused by an operator; calls in progress continue");
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
    Campaign canceled =
        lifecycle.move(
            tenant,
            id,
            CANCELABLE,
            CampaignStatus.CANCELED,
            "cancel",
            hangUp ? "hanging up calls in progress" : "calls in progress continue");
    if (hangUp) {
      for (Call call : store.findActiveCalls(tenant, id)) {
        hangUp(call);
      }
    }
    return canceled;
  }

  private void hangUp(Call call) {
    CallProvider provider = providers.get(call.provider());
    if (provider == null || !provider.capabilities().hangUp()) {
      log.warn(
          "call {}: provider {} cannot hang up; the call continues", call.id(), call.provider());
      return;
    }
    store.appendLog(
        List.of(
            CallLogEntry.draft(
                call,
                clock.instant(),
                CallLogEvent.HANGUP_REQUESTED,
                null,
                "campaign canceled",
                null)));
    provider
        .hangUp(call)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                log.warn(
                    "call {}: hang-up failed; its webhook will still end it", call.id(), error);
              }
            });
  }

  @Override
  public CampaignProgress progress(TenantId tenant, CampaignId id) {
    return CampaignProgress.of(get(tenant, id), clock.instant());
  }
}
