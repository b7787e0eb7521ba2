package dev.dialkit.benchmarks;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCall;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed systems' lockstep algorithm: dial a batch of {@code limit} leads, wait until every call
 * of the batch has a terminal webhook, dial the next batch. It places calls on the provider
 * directly and is the provider's webhook target. Not thread-safe: everything runs on the driving
 * thread.
 */
final class LockstepRun implements Webhooks {
  static final String ALGORITHM = "lockstep batches";
  private static final CampaignId CAMPAIGN = CampaignId.of("lockstep");

  private final Scenario scenario;
  private final VirtualClock clock = VirtualClock.at(Scenario.START);
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final SimulatedCallProvider provider;
  private final Map<CallId, Instant> dialedAt = new HashMap<>();
  private final Map<CallId, Instant> endedAt = new HashMap<>();
  private int nextLead;
  private int outstanding;

  LockstepRun(Scenario scenario) {
    this.scenario = scenario;
    this.provider = scenario.provider(clock, scheduler).connect(this);
  }

  RunResult run() {
    long wallStart = System.nanoTime();
    dialBatch();
    while (endedAt.size() < scenario.leads()) {
      if (Scenario.gaveUp(clock.instant())) {
        throw new IllegalStateException(endedAt.size() + " leads settled at " + clock);
      }
      scheduler.advance(Scenario.STEP);
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - wallStart);
    List<SlotSpan> held = new ArrayList<>(dialedAt.size());
    List<SlotSpan> placed = new ArrayList<>(dialedAt.size());
    dialedAt.forEach((id, at) -> held.add(SlotSpan.of(at, endedAt.get(id))));
    for (SimulatedCall truth : provider.calls()) {
      placed.add(SlotSpan.of(truth.placedAt(), truth.endedAt()));
    }
    Instant lastDial = dialedAt.values().stream().max(Instant::compareTo).orElseThrow();
    Instant end = endedAt.values().stream().max(Instant::compareTo).orElseThrow();
    return new RunResult(
        ALGORITHM,
        scenario.leads(),
        scenario.limit(),
        Scenario.START,
        lastDial,
        end,
        held,
        placed,
        wall);
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    List<CallStatusUpdate> updates;
    try {
      updates = provider.parseWebhook(request);
    } catch (WebhookRejectedException e) {
      return WebhookResponse.rejected(e);
    }
    CallId id = CallId.of(request.queryParameter(CALL_PARAMETER));
    if (updates.stream().anyMatch(u -> u.status().isTerminal())) {
      settle(id);
    }
    return WebhookResponse.ok();
  }

  private void dialBatch() {
    int end = Math.min(nextLead + scenario.limit(), scenario.leads());
    while (nextLead < end) {
      dial(nextLead++);
    }
  }

  private void dial(int lead) {
    CallId id = CallId.of("lockstep-" + lead);
    dialedAt.put(id, clock.instant());
    outstanding++;
    DialRequest request =
        new DialRequest(
            id,
            Scenario.TENANT,
            CAMPAIGN,
            Scenario.CALLER_IDS.get(lead % Scenario.CALLER_IDS.size()),
            PhoneNumber.of(Scenario.number(lead)),
            Scenario.AGENT,
            Map.of(CALL_PARAMETER, id.value()),
            Scenario.RING_TIMEOUT,
            CampaignSpec.DEFAULT_MAX_CALL_DURATION,
            false,
            false);
    // a refused call is over at once: its slot counts as free
    provider
        .place(request)
        .whenComplete(
            (placed, error) -> {
              if (error != null) {
                settle(id);
              }
            });
  }

  /** The call is over; once the whole batch is, the next one is dialed. */
  private void settle(CallId id) {
    if (endedAt.putIfAbsent(id, clock.instant()) == null && --outstanding == 0) {
      dialBatch();
    }
  }
}
