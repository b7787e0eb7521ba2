package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One dialer instance of the simulation across its lives: up, frozen until an instant, or down
 * (killed: its scheduler and in-memory state are dropped) until a restart builds a new dialer on
 * the same store. Each life has its own scheduler, store view and provider view, all bound to that
 * life, so nothing of a dead life ever runs again.
 */
public final class SimInstance {
  enum State {
    UP,
    FROZEN,
    DOWN
  }

  private final int index;
  private final VirtualClock clock;
  private final Duration skew;
  private final Function<SimInstance, CampaignDialer> dialers;
  private State state = State.DOWN;
  private Instant thawAt;
  private int incarnation;
  private String dialerId;
  private ManualScheduler scheduler;
  private CampaignDialer dialer;

  SimInstance(
      int index, VirtualClock clock, Duration skew, Function<SimInstance, CampaignDialer> dialers) {
    this.index = index;
    this.clock = clock;
    this.skew = skew;
    this.dialers = dialers;
  }

  /** Starts a new life: a new scheduler and a new dialer with id {@code dialerId}, started. */
  public void start(String dialerId) {
    incarnation++;
    this.dialerId = dialerId;
    scheduler = new ManualScheduler(clock);
    state = State.UP;
    thawAt = null;
    dialer = dialers.apply(this);
    dialer.start();
  }

  /** Kills this life: nothing of it runs again. */
  public void crash() {
    state = State.DOWN;
    thawAt = null;
  }

  /** Stops running tasks until {@code until}; its tasks wait and run late. */
  public void freeze(Instant until) {
    if (state != State.DOWN) {
      state = State.FROZEN;
      thawAt = until;
    }
  }

  /** Whether its tasks may run now (up, or frozen until an instant already reached). */
  public boolean runnable() {
    if (state == State.FROZEN && !clock.instant().isBefore(thawAt)) {
      state = State.UP;
      thawAt = null;
    }
    return state == State.UP;
  }

  /** When its next task may run, or {@code null} if never (down, or nothing queued). */
  public Instant nextRunnable() {
    if (state == State.DOWN || scheduler == null) {
      return null;
    }
    Instant next = scheduler.nextDue();
    if (next == null) {
      return null;
    }
    return state == State.FROZEN && next.isBefore(thawAt) ? thawAt : next;
  }

  public boolean isDown() {
    return state == State.DOWN;
  }

  public int index() {
    return index;
  }

  public int incarnation() {
    return incarnation;
  }

  public String dialerId() {
    return dialerId;
  }

  public Duration skew() {
    return skew;
  }

  public CampaignDialer dialer() {
    return dialer;
  }

  public ManualScheduler scheduler() {
    return scheduler;
  }

  /** Runs {@code task} on this life's scheduler, unless that life is over. */
  public void execute(int life, Runnable task) {
    if (life == incarnation && state != State.DOWN) {
      scheduler.execute(task);
    }
  }

  /** Throws {@link InstanceCrashed} if the current life is down. */
  public void checkAlive() {
    if (state == State.DOWN) {
      throw new InstanceCrashed(name());
    }
  }

  /** Throws {@link InstanceCrashed} unless {@code life} is the current, living one. */
  public void checkAlive(int life) {
    if (life != incarnation || state == State.DOWN) {
      throw new InstanceCrashed(name() + " (life " + life + ")");
    }
  }

  /** Hands a webhook to this instance, as its HTTP server would. */
  WebhookResponse handle(WebhookRequest request) {
    return dialer.webhooks().handle(request);
  }

  /** The store as this life sees it. */
  CampaignStore storeView(CampaignStore shared, SimWorld world) {
    return FaultyStore.wrap(shared, world, this, incarnation);
  }

  public String name() {
    return "instance " + index + " (" + dialerId + ")";
  }

  @Override
  public String toString() {
    return name() + " " + state;
  }
}
