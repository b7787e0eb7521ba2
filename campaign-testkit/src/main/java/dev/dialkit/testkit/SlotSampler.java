package dev.dialkit.testkit;

import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.spi.CampaignStore;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the slot usage of a {@link BatchRace}'s campaigns over and over on its own thread while the
 * claimers run, noting every read that exceeds a limit: a limit exceeded for a moment, between two
 * claims, shows here even if the claimers' own counts never saw it.
 */
final class SlotSampler {
  private final CampaignStore store;
  private final BatchRace race;
  private final AtomicInteger samples = new AtomicInteger();

  SlotSampler(CampaignStore store, BatchRace race) {
    this.store = store;
    this.race = race;
  }

  int samples() {
    return samples.get();
  }

  /** Runs {@code claimers} on this thread, sampling until they return; their result. */
  <T> T during(Callable<T> claimers) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService sampler = Executors.newSingleThreadExecutor();
    try {
      Future<?> sampling =
          sampler.submit(
              () -> {
                do {
                  for (Campaign campaign : race.campaigns()) {
                    race.check("sampled", store.slotUsage(campaign.tenant(), campaign.id()));
                    samples.incrementAndGet();
                  }
                } while (!done.get());
              });
      T result;
      try {
        result = claimers.call();
      } finally {
        done.set(true);
      }
      sampling.get();
      return result;
    } finally {
      sampler.shutdownNow();
    }
  }
}
