package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLog;
import dev.dialkit.campaign.CallOutcome;
import dev.dialkit.campaign.Calls;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.Campaigns;
import dev.dialkit.campaign.DialerHealth;
import dev.dialkit.campaign.Disposition;
import dev.dialkit.campaign.Leads;
import dev.dialkit.campaign.Suppressions;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires the dialer's parts together; see {@link CampaignDialer}. */
public final class DefaultCampaignDialer implements CampaignDialer {
  private final DialerSettings settings;
  private final SystemTaskScheduler ownScheduler;
  private final ExecutorService ownListenerExecutor;
  private final DialingExecutor executor;
  private final ProviderGuards guards;
  private final CampaignService campaigns;
  private final LeadService leads;
  private final SuppressionService suppressions;
  private final WebhookPipeline webhooks;
  private final Calls calls;
  private final CallLog callLog;
  private final HealthCheck healthCheck;
  private final Placements placements;

  public DefaultCampaignDialer(DialerSettings given) {
    StoreHealth health = new StoreHealth(given.observers());
    DialerSettings settings =
        given
            .withStore(health.watch(given.store()))
            .withProviders(ObservedProviders.wrap(given.providers(), given.observers()));
    this.settings = settings;
    this.ownScheduler =
        settings.scheduler() == null
            ? new SystemTaskScheduler("dialkit-" + given.instanceId(), 2)
            : null;
    TaskScheduler scheduler = ownScheduler != null ? ownScheduler : settings.scheduler();
    this.ownListenerExecutor =
        settings.listenerExecutor() == null
            ? Executors.newCachedThreadPool(SystemTaskScheduler.daemonThreads("dialkit-listener"))
            : null;
    Executor listenerExecutor =
        ownListenerExecutor != null ? ownListenerExecutor : settings.listenerExecutor();

    var store = settings.store();
    var rates = new DialRates(settings.clock());
    settings.observers().attach(rates);
    var forecast = new QueueForecast(store, settings.clock(), settings.concurrency(), rates);
    var bus =
        new ListenerBus(settings.listeners(), listenerExecutor, settings.listenerQueueCapacity());
    var events =
        new EventPublisher(bus, store, settings.clock(), settings.progressInterval(), scheduler);
    var signer =
        settings.callbackSecret() == null ? null : new CallbackSigner(settings.callbackSecret());
    var lifecycle = new CampaignLifecycle(store, settings.clock(), events);
    var windows = new CampaignWindows(store);
    this.guards = new ProviderGuards(settings, scheduler, events);
    var decisions = new DialDecisions();
    this.placements = new Placements();
    var queries = new StatusQueries(settings, scheduler, guards);
    this.executor = new DialingExecutor(settings, scheduler, lifecycle, windows, guards, decisions);
    var updater =
        new CallUpdater(
            store,
            settings.clock(),
            events,
            lifecycle,
            (campaign, call, outcome) -> {
              executor.callEnded(campaign, call, outcome);
              rates.ended(call);
            },
            new ProviderChoice(settings, guards),
            recentCalls(settings));
    var recovery = new Recovery(settings, scheduler, placements, updater, queries);
    var leases =
        new Leases(
            settings,
            (campaign, epoch, now) -> recovery.acquired(campaign.tenant(), campaign.id(), now),
            executor::wakeAt);
    recovery.connect(leases::campaigns);
    this.healthCheck =
        new HealthCheck(settings, executor::isRunning, leases::lastHeartbeat, guards);
    health.onRecovered(() -> recovery.storeRecovered(settings.clock().instant()));
    var releases = new Releases(settings, scheduler, updater, placements);
    var answers = new ProviderAnswers(settings, scheduler, updater, placements, queries, recovery);
    executor.connect(
        new CallPlacer(
            settings,
            scheduler,
            updater,
            guards,
            events,
            signer,
            placements,
            leases::epoch,
            executor::isRunning,
            answers,
            releases),
        new Watchdog(settings, updater, executor::holdsLease, placements, recovery),
        leases,
        new CallerIdRests(
            settings.callerIdHealth(), settings.clock(), scheduler, events, executor::wake));
    this.campaigns =
        new CampaignService(
            store,
            settings.providers(),
            settings.clock(),
            lifecycle,
            executor::wake,
            new StopFence(settings, scheduler, placements),
            new HangUps(settings, scheduler, updater),
            settings.permitTimeout(),
            forecast);
    var callbacks = new Callbacks(store, settings.clock(), executor::leadsAdded, lifecycle);
    this.leads =
        new LeadService(
            store,
            settings.clock(),
            settings.priorityPolicy(),
            decisions,
            executor::leadsAdded,
            forecast,
            callbacks);
    var dispositions = new DispositionService(store, settings.clock(), callbacks, lifecycle);
    this.suppressions = new SuppressionService(store, settings.clock());
    this.webhooks =
        new WebhookPipeline(
            settings.providers(),
            store,
            updater,
            settings.maxWebhookBodyBytes(),
            signer,
            settings.observers(),
            new AgentReports(store, settings.clock(), dispositions));
    this.calls =
        new Calls() {
          @Override
          public Optional<Call> get(TenantId tenant, CallId id) {
            return settings.store().findCall(tenant, id);
          }

          @Override
          public List<Call> active(TenantId tenant, CampaignId campaign) {
            return settings.store().findActiveCalls(tenant, campaign);
          }

          @Override
          public Optional<CallOutcome> outcome(TenantId tenant, CallId id) {
            return settings.store().findCallOutcome(tenant, id);
          }

          @Override
          public CallOutcome disposition(TenantId tenant, CallId id, Disposition disposition) {
            return dispositions.record(tenant, id, disposition);
          }
        };
    this.callLog = new Timelines(store);
  }

  @Override
  public void start() {
    executor.start();
  }

  @Override
  public void close() {
    executor.halt();
    if (ownScheduler != null) {
      drain();
    }
    executor.release();
    guards.close();
    healthCheck.close();
    if (ownListenerExecutor != null) {
      ownListenerExecutor.shutdown();
    }
  }

  /**
   * Waits, at most a lease TTL (after which another instance may take the campaigns over anyway),
   * for the create requests already permitted to be answered and recorded, and for the dialer's
   * running tasks to end; so that once {@link #close()} returns this dialer touches the store no
   * more and the host may close its database. A host-given scheduler is the host's to drain.
   */
  private void drain() {
    long deadline = System.nanoTime() + settings.leaseTtl().toNanos();
    while (placements.sending() && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(5); // a real shutdown on the wall clock: poll the in-flight requests
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ownScheduler.closeAwaiting(deadline);
  }

  @Override
  public String instanceId() {
    return settings.instanceId();
  }

  @Override
  public Campaigns campaigns() {
    return campaigns;
  }

  @Override
  public Suppressions suppressions() {
    return suppressions;
  }

  @Override
  public Leads leads() {
    return leads;
  }

  @Override
  public Calls calls() {
    return calls;
  }

  @Override
  public CallLog callLog() {
    return callLog;
  }

  @Override
  public Webhooks webhooks() {
    return webhooks;
  }

  @Override
  public DialerHealth health() {
    return healthCheck.check();
  }

  /**
   * How many calls {@link RecentCalls} keeps: twice the global limit (the calls in progress, and
   * room for those of other instances whose webhooks come here), within 1,024 and 65,536.
   */
  private static int recentCalls(DialerSettings settings) {
    long twice = 2L * settings.concurrency().global();
    return (int) Math.min(65_536, Math.max(1_024, twice));
  }
}
