package dev.dialkit.benchmarks;

import static dev.dialkit.benchmarks.ScaleGauges.MIB;

import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * One line every 10 s of the million run: calls ended so far, how many since the last line and at
 * what rate, calls in progress at the provider, slots held in the store (claimed calls not yet
 * ended, placed or not), the heap now and at its peak, the load average.
 */
final class ScaleTicker {
  private final ScaleWebhooks webhooks;
  private final ScaleProvider provider;
  private final IntSupplier slotsHeld;
  private long lastNanos;
  private long lastEnded;

  ScaleTicker(ScaleWebhooks webhooks, ScaleProvider provider, IntSupplier slotsHeld) {
    this.webhooks = webhooks;
    this.provider = provider;
    this.slotsHeld = slotsHeld;
  }

  synchronized void print(long startedNanos, long peakMib) {
    long now = System.nanoTime();
    long ended = webhooks.ended();
    long since = lastNanos == 0 ? startedNanos : lastNanos;
    double window = (now - since) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "  t=%6.1f s  dialed %,9d  +%,7d  %,8.1f leads/s  at the provider %,5d  slots held %,5d  heap %4d MiB"
            + " (peak %d)  load %s%n",
        (now - startedNanos) / 1e9,
        ended,
        ended - lastEnded,
        window > 0 ? (ended - lastEnded) / window : 0,
        provider.placed() - ended,
        slotsHeld.getAsInt(),
        ScaleGauges.heapUsed() / MIB,
        peakMib,
        ScaleGauges.load());
    lastNanos = now;
    lastEnded = ended;
  }
}
