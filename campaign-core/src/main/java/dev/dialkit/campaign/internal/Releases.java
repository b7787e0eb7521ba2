package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.Instant;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the calls a placement of this instance did not send: slot freed, lead requeued, attempt
 * refunded ({@link CallUpdater#release}). Only the instance that claimed a call ever sends it, so
 * its placement knows for sure, even when the store granted a permit it did not use.
 */
final class Releases {
  private static final Logger log = LoggerFactory.getLogger(Releases.class);

  /** Attempts to write a release when the store fails, {@code STORE_FAILURE_BACKOFF} apart. */
  private static final int WRITES = 3;

  /** Nothing of the call reached the provider, as far as the store shows. */
  static final Predicate<Call> NOT_SENT_BY_PROVIDER =
      c ->
          c.status() == CallStatus.INITIATED
              && c.providerCallId() == null
              && c.providerRequestId() == null;

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final CallUpdater updater;
  private final Placements placements;

  Releases(
      DialerSettings settings,
      TaskScheduler scheduler,
      CallUpdater updater,
      Placements placements) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.updater = updater;
    this.placements = placements;
  }

  /** Releases a call this placement never sent; its lead is due again at {@code requeueAt}. */
  void release(Call call, String why, Instant requeueAt) {
    log.debug("call {} of campaign {}: {}; lead requeued", call.id(), call.campaignId(), why);
    updater.release(call, NOT_SENT_BY_PROVIDER, why, requeueAt);
    placements.done(call.id());
  }

  /**
   * Releases a call this placement did not send, even if its permit was granted. If the store
   * fails, tries again a few times, then leaves the call to recovery (released unsent, or asked of
   * the provider once its permit cannot be used any more).
   */
  void withdraw(Call call, String why) {
    withdraw(call, why, 0);
  }

  private void withdraw(Call call, String why, int failures) {
    try {
      updater.release(call, NOT_SENT_BY_PROVIDER, why, settings.clock().instant());
      placements.done(call.id());
    } catch (RuntimeException e) {
      if (failures + 1 < WRITES) {
        scheduler.schedule(
            () -> withdraw(call, why, failures + 1), DialingExecutor.STORE_FAILURE_BACKOFF);
      } else {
        log.warn("call {}: could not release it; left to recovery", call.id(), e);
        placements.done(call.id());
      }
    }
  }
}
