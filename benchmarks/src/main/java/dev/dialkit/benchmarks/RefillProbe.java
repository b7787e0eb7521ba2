package dev.dialkit.benchmarks;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sits on both sides of a dialer: around the webhooks the provider delivers and around the
 * provider's {@code place()}. It records when each call's terminal webhook was handled (virtual
 * time) and, in wall time, how long after a terminal webhook entered {@code handle()} the call that
 * refills its slot was placed.
 *
 * <p>A refill is a {@code place()} at the same virtual instant as a terminal webhook not yet paired
 * with one, paired first in, first out; pending webhooks are dropped when virtual time moves on
 * (the last calls of a campaign free slots that nothing refills). Not thread-safe: the manual
 * scheduler runs everything on the thread that drives it.
 */
final class RefillProbe {
  private final Clock clock;
  private final CallProvider provider;
  private final ArrayDeque<Long> pending = new ArrayDeque<>();
  private final Map<CallId, Instant> terminalHandledAt = new HashMap<>();
  private final LatencyRecorder refills = new LatencyRecorder();
  private Instant pendingAt;

  RefillProbe(Clock clock, CallProvider provider) {
    this.clock = clock;
    this.provider = provider;
  }

  /** The provider to give the dialer. */
  CallProvider provider() {
    return new ProbedProvider(provider, this::beforePlace);
  }

  /** The webhooks to connect the provider to, in front of the dialer's. */
  Webhooks webhooks(Webhooks dialer) {
    return request -> handle(dialer, request);
  }

  LatencyRecorder refills() {
    return refills;
  }

  /** When the call's terminal webhook was first handled, if it was. */
  Optional<Instant> terminalHandledAt(CallId call) {
    return Optional.ofNullable(terminalHandledAt.get(call));
  }

  private WebhookResponse handle(Webhooks dialer, WebhookRequest request) {
    boolean terminal = isTerminal(request); // parsed before the clock starts
    Instant now = clock.instant();
    if (terminal) {
      if (!now.equals(pendingAt)) {
        pending.clear();
        pendingAt = now;
      }
      pending.addLast(System.nanoTime());
    }
    WebhookResponse response = dialer.handle(request);
    if (terminal && response.isSuccess()) {
      terminalHandledAt.putIfAbsent(
          CallId.of(request.queryParameter(Webhooks.CALL_PARAMETER)), now);
    }
    return response;
  }

  private void beforePlace() {
    long now = System.nanoTime();
    Long start = pending.pollFirst();
    if (start != null && clock.instant().equals(pendingAt)) {
      refills.add(now - start);
    } else {
      pending.clear();
    }
  }

  private boolean isTerminal(WebhookRequest request) {
    try {
      return provider.parseWebhook(request).stream().anyMatch(u -> u.status().isTerminal());
    } catch (WebhookRejectedException e) {
      return false; // the dialer rejects it too; it frees nothing
    }
  }
}
