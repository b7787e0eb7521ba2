package dev.dialkit.testkit.internal;

import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.TaskScheduler;
import dev.dialkit.testkit.WebhookDeliveryCounts;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Delivers a simulated provider's webhooks through the scheduler, with the faults the settings ask
 * for: loss, duplicates, reordering, and redelivery after a 5xx answer.
 *
 * <p>A {@link StoreException} thrown by the target counts as a 500 (the host would answer 5xx); any
 * other exception propagates out of the delivery task, so a test driving a manual scheduler sees
 * it.
 */
public final class WebhookDelivery {
  /** How many times a webhook answered with 5xx is delivered again. */
  public static final int MAX_REDELIVERIES = 3;

  /** The wait before the first redelivery; it doubles for each further one. */
  public static final Duration FIRST_REDELIVERY_DELAY = Duration.ofSeconds(1);

  /** A duplicate follows the first delivery by 100 ms to this much. */
  static final long MAX_DUPLICATE_GAP_MS = 2_000;

  private final SimulationSettings settings;
  private final TaskScheduler scheduler;
  private final Supplier<Webhooks> target;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong duplicated = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong reordered = new AtomicLong();
  private final AtomicLong redelivered = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  public WebhookDelivery(
      SimulationSettings settings, TaskScheduler scheduler, Supplier<Webhooks> target) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.target = target;
  }

  /** A non-terminal webhook held back until its call's next event. */
  public static final class ReorderSlot {
    private WebhookRequest held;
    private boolean heldDuplicate;
  }

  /**
   * Decides the faults for one event's webhook and schedules its delivery. Draws the same number of
   * values from {@code random} whatever it decides, so the call's later draws stay aligned. Called
   * under the provider's lock, once per event, in the call's event order.
   */
  public void submit(
      WebhookRequest request, boolean terminal, SplittableRandom random, ReorderSlot slot) {
    events.incrementAndGet();
    boolean lost = random.nextDouble() < settings.lossProbability();
    boolean reorder = random.nextDouble() < settings.reorderProbability();
    boolean duplicate = random.nextDouble() < settings.duplicateProbability();
    long delayMs =
        CallScript.uniform(
            random, settings.webhookDelayMin().toMillis(), settings.webhookDelayMax().toMillis());
    long gapMs = CallScript.uniform(random, 100, MAX_DUPLICATE_GAP_MS);
    if (settings.lateProbability() > 0 && random.nextDouble() < settings.lateProbability()) {
      delayMs += settings.lateDelay().toMillis();
    }

    WebhookRequest held = slot.held;
    boolean heldDuplicate = slot.heldDuplicate;
    slot.held = null;
    if (lost) {
      dropped.incrementAndGet();
    } else if (reorder && !terminal && held == null) {
      reordered.incrementAndGet();
      slot.held = request;
      slot.heldDuplicate = duplicate;
      return;
    } else {
      send(request, delayMs, duplicate, gapMs);
    }
    if (held != null) {
      send(held, delayMs + 1, heldDuplicate, gapMs);
    }
  }

  private void send(WebhookRequest request, long delayMs, boolean duplicate, long gapMs) {
    scheduler.schedule(() -> attempt(request, 0), Duration.ofMillis(delayMs));
    if (duplicate) {
      duplicated.incrementAndGet();
      scheduler.schedule(() -> attempt(request, 0), Duration.ofMillis(delayMs + gapMs));
    }
  }

  private void attempt(WebhookRequest request, int redeliveries) {
    sent.incrementAndGet();
    int status;
    try {
      WebhookResponse response = target.get().handle(request);
      if (response == null) {
        throw new IllegalStateException("Webhooks.handle returned null for " + request.url());
      }
      status = response.status();
    } catch (StoreException e) {
      status = 500;
    }
    if (status >= 500 && redeliveries < MAX_REDELIVERIES) {
      redelivered.incrementAndGet();
      Duration backoff = FIRST_REDELIVERY_DELAY.multipliedBy(1L << redeliveries);
      scheduler.schedule(() -> attempt(request, redeliveries + 1), backoff);
    } else if (status >= 400) {
      rejected.incrementAndGet();
    }
  }

  public WebhookDeliveryCounts counts() {
    return new WebhookDeliveryCounts(
        events.get(),
        sent.get(),
        duplicated.get(),
        dropped.get(),
        reordered.get(),
        redelivered.get(),
        rejected.get());
  }
}
