package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.TaskScheduler;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks providers about calls for recovery, at most {@code statusQueriesPerSecond} per provider
 * (recovery after an outage may have hundreds of calls to ask about; the provider's API limits must
 * not be spent all at once), and one question per call at a time.
 */
final class StatusQueries {
  private static final Logger log = LoggerFactory.getLogger(StatusQueries.class);

  private final DialerSettings settings;
  private final TaskScheduler scheduler;
  private final ProviderGuards guards;
  private final Set<CallId> asking = ConcurrentHashMap.newKeySet();

  StatusQueries(DialerSettings settings, TaskScheduler scheduler, ProviderGuards guards) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.guards = guards;
  }

  /** Whether the call's provider can be asked at all. */
  boolean canAsk(Call call) {
    CallProvider provider = settings.providers().get(call.provider());
    return provider != null && provider.capabilities().statusQuery();
  }

  /**
   * Asks the provider about {@code call} as soon as the rate allows, and hands the answer (empty:
   * the provider does not know the call) to {@code onAnswer}. A failed question is logged and
   * dropped: the next recovery round asks again. Does nothing if the call is already being asked
   * about or its provider cannot be asked.
   */
  void ask(Call call, BiConsumer<Call, Optional<CallStatusUpdate>> onAnswer) {
    if (!canAsk(call) || !asking.add(call.id())) {
      return;
    }
    send(call, onAnswer);
  }

  private void send(Call call, BiConsumer<Call, Optional<CallStatusUpdate>> onAnswer) {
    CallProvider provider = settings.providers().get(call.provider());
    if (!guards.acquireQueryPermit(provider.name())) {
      scheduler.schedule(() -> send(call, onAnswer), guards.queryRefreshPeriod(provider.name()));
      return;
    }
    log.debug(
        "call {} of campaign {}: asking {} for its status",
        call.id(),
        call.campaignId(),
        provider.name());
    try {
      provider
          .queryStatus(call)
          .whenComplete(
              (answer, error) -> {
                asking.remove(call.id());
                if (error != null) {
                  log.warn(
                      "call {} of campaign {}: status query failed; asked again next round: {}",
                      call.id(),
                      call.campaignId(),
                      CallPlacer.unwrap(error).toString());
                  return;
                }
                try {
                  onAnswer.accept(call, answer);
                } catch (RuntimeException e) {
                  log.warn("call {}: could not record the provider's status", call.id(), e);
                }
              });
    } catch (RuntimeException e) {
      asking.remove(call.id());
      log.warn("call {}: status query failed: {}", call.id(), e.toString());
    }
  }
}
