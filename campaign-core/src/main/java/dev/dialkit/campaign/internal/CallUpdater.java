package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.CallLogEvent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.CounterDelta;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.LeadOutcome;
import dev.dialkit.campaign.spi.TransitionResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies changes to calls through the store's compare-and-set, retrying on a concurrent change. A
 * terminal status frees the slot, settles the lead and moves the counters in the same store
 * operation; the executor is then woken to refill the slot at once.
 */
final class CallUpdater {
  private static final Logger log = LoggerFactory.getLogger(CallUpdater.class);

  /**
   * Concurrent changes to one call are rare (a handful of webhooks); this bound only stops a bug.
   */
  private static final int MAX_ATTEMPTS = 32;

  /** What became of an update. */
  enum Result {
    APPLIED,
    DUPLICATE,
    STALE,
    UNKNOWN_STATUS,
    NOT_FOUND
  }

  private final CampaignStore store;
  private final Clock clock;
  private final EventPublisher events;
  private final CampaignLifecycle lifecycle;
  private final CallEndListener ended;
  private final ProviderChoice providers;
  private final Set<String> unknownStatuses = ConcurrentHashMap.newKeySet();
  private final CallLocks locks = new CallLocks();
  private final RecentCalls recent;

  CallUpdater(
      CampaignStore store,
      Clock clock,
      EventPublisher events,
      CampaignLifecycle lifecycle,
      CallEndListener ended,
      ProviderChoice providers,
      int recentCalls) {
    this.store = store;
    this.recent = new RecentCalls(recentCalls);
    this.providers = providers;
    this.clock = clock;
    this.events = events;
    this.lifecycle = lifecycle;
    this.ended = ended;
  }

  /** Applies a provider's status update to {@code target} (as last read). */
  Result apply(Call target, CallStatusUpdate update) {
    List<Runnable> after = new ArrayList<>(1);
    Result result = locks.run(target.id(), () -> apply(target, update, after));
    after.forEach(Runnable::run);
    return result;
  }

  /**
   * The call as this instance last stored it, if it is {@code tenant}'s and still in progress: what
   * a webhook needs to find its call without a store read ({@link RecentCalls}).
   */
  Optional<Call> recent(TenantId tenant, CallId id) {
    return recent.find(tenant, id);
  }

  /** Keeps a call the store just returned (a claim's), so that its webhooks need no read. */
  void remember(Call call) {
    recent.remember(call);
  }

  private Result apply(Call target, CallStatusUpdate update, List<Runnable> after) {
    // the holder of this call's lock before us may have changed it since the caller read it
    Call call = recent.freshest(target);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Instant at = update.occurredAt() != null ? update.occurredAt() : now;
      CallStateMachine.Decision decision = CallStateMachine.decide(call, update, now);
      if (decision instanceof CallStateMachine.Ignore ignore) {
        return ignore(call, update, at, ignore);
      }
      Call next = ((CallStateMachine.Apply) decision).next();
      CallLogEntry entry =
          CallLogEntry.draft(
              next,
              at,
              CallLogEvent.STATUS_APPLIED,
              next.status(),
              describe(call.status(), next),
              update.rawPayload());
      TransitionResult result =
          commit(call, next, update.dedupeKey(call.id()), entry, now, null, after);
      switch (result.outcome()) {
        case APPLIED:
          return Result.APPLIED;
        case DUPLICATE:
          return ignore(
              call,
              update,
              at,
              new CallStateMachine.Ignore(CallStateMachine.Kind.DUPLICATE, "delivered again"));
        case NOT_FOUND:
          return Result.NOT_FOUND;
        case CONFLICT:
          call = result.call() != null ? result.call() : reread(call);
          recent.remember(call);
          if (call == null) {
            return Result.NOT_FOUND;
          }
          break;
        default:
          throw new IllegalStateException("unexpected outcome " + result.outcome());
      }
    }
    throw new StoreException(
        "call "
            + target.id()
            + " kept changing under "
            + MAX_ATTEMPTS
            + " attempts to apply "
            + update.rawStatus(),
        true);
  }

  /**
   * Applies a change Dialkit makes itself (the provider's ids after placing, a failure to place)
   * with a log entry; retried on concurrent change. Returns the call as stored afterwards.
   */
  Call change(Call target, Function<Call, Call.Builder> edit, CallLogEvent event, String detail) {
    return change(target, edit, event, detail, null);
  }

  /**
   * As {@link #change(Call, Function, CallLogEvent, String)}; if the change ends the call and
   * {@code putBackAt} is given, the lead goes back to the queue at that time with its attempt
   * refunded (the call never reached the provider).
   */
  Call change(
      Call target,
      Function<Call, Call.Builder> edit,
      CallLogEvent event,
      String detail,
      Instant putBackAt) {
    return change(target, c -> true, edit, event, detail, putBackAt);
  }

  /**
   * Releases a call whose create request never reached the provider: it ends {@code CANCELED} with
   * {@link FailureReason#NOT_DIALED}, its slot is freed and its lead goes back to the queue at
   * {@code requeueAt} with the attempt refunded, all in one store operation, but only while {@code
   * still} holds for the call as stored (checked again on every concurrent change).
   *
   * @return the call as released, or {@code null} if it was not (it changed, or does not exist)
   */
  Call release(Call target, Predicate<Call> still, String detail, Instant requeueAt) {
    Call released =
        change(
            target,
            still,
            c -> c.toBuilder().status(CallStatus.CANCELED).failureReason(FailureReason.NOT_DIALED),
            CallLogEvent.CALL_RELEASED,
            detail,
            requeueAt);
    return released != null && released.failureReason() == FailureReason.NOT_DIALED
        ? released
        : null;
  }

  /**
   * As {@link #change(Call, Function, CallLogEvent, String, Instant)}, applied only while {@code
   * precondition} holds for the call as stored; returns the call unchanged when it stops holding.
   */
  Call change(
      Call target,
      Predicate<Call> precondition,
      Function<Call, Call.Builder> edit,
      CallLogEvent event,
      String detail,
      Instant putBackAt) {
    List<Runnable> after = new ArrayList<>(1);
    Call changed =
        locks.run(
            target.id(), () -> change(target, precondition, edit, event, detail, putBackAt, after));
    after.forEach(Runnable::run);
    return changed;
  }

  private Call change(
      Call target,
      Predicate<Call> precondition,
      Function<Call, Call.Builder> edit,
      CallLogEvent event,
      String detail,
      Instant putBackAt,
      List<Runnable> after) {
    Call call = recent.freshest(target);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (!precondition.test(call)) {
        return call;
      }
      Instant now = clock.instant();
      Call next = edit.apply(call).nextVersion(now).build();
      if (next.status() != call.status() && !call.status().canMoveTo(next.status())) {
        // the call moved on meanwhile (a webhook ended it): Dialkit's own change must not undo that
        return call;
      }
      CallLogEntry entry = CallLogEntry.draft(next, now, event, next.status(), detail, null);
      TransitionResult result = commit(call, next, null, entry, now, putBackAt, after);
      if (result.outcome() == TransitionResult.Outcome.APPLIED) {
        return result.call();
      }
      if (result.outcome() == TransitionResult.Outcome.NOT_FOUND) {
        return null;
      }
      call = result.call() != null ? result.call() : reread(call);
      recent.remember(call);
      if (call == null) {
        return null;
      }
    }
    throw new StoreException("call " + target.id() + " kept changing", true);
  }

  /**
   * Stores {@code next}; if it ends the call, settles the lead (back to the queue untouched at
   * {@code putBackAt} when given, else by the campaign's retry policy) and frees the slot. What
   * follows an applied change (the refill, completion, progress) is added to {@code after}, to run
   * once the call's lock is let go.
   */
  private TransitionResult commit(
      Call previous,
      Call next,
      String dedupeKey,
      CallLogEntry entry,
      Instant now,
      Instant putBackAt,
      List<Runnable> after) {
    boolean ending = next.status().isTerminal() && !previous.status().isTerminal();
    LeadOutcome leadOutcome = null;
    CounterDelta counters = CounterDelta.NONE;
    Campaign campaign = null;
    if (ending) {
      campaign = store.findCampaign(next.tenant(), next.campaignId()).orElse(null);
      Lead lead = store.findLead(next.tenant(), next.leadId()).orElse(null);
      leadOutcome = CallOutcomes.leadOutcome(next, lead, campaign, now);
      if (putBackAt != null) {
        leadOutcome = LeadOutcome.putBack(putBackAt);
      }
      counters = CallOutcomes.counters(next, leadOutcome, providers.failedOver(next, campaign));
    }
    TransitionResult result =
        store.applyTransition(
            new CallTransition(
                next,
                previous.version(),
                dedupeKey,
                ending,
                leadOutcome,
                counters,
                List.of(entry)));
    if (result.outcome() == TransitionResult.Outcome.APPLIED) {
      Call stored = result.call() != null ? result.call() : next;
      recent.remember(stored);
      // published with the lock held, so that a call's events keep the order of its changes (the
      // publish only queues the event)
      events.callUpdated(stored, previous.status());
      Campaign of = campaign;
      LeadOutcome outcome = leadOutcome;
      after.add(
          () -> {
            if (ending) {
              log.debug(
                  "call {} of campaign {} ended {}",
                  stored.id(),
                  stored.campaignId(),
                  stored.status());
              ended.callEnded(of, stored, outcome);
              // read before this call ended: with leads still queued then, this is not the last
              // call (each of those leads is claimed, passed over or expired, and whichever ends
              // last checks), so the completion's own read is saved under load
              if (of == null || of.counters().get(Counter.LEADS_QUEUED) == 0) {
                lifecycle.completeIfDone(stored.tenant(), stored.campaignId());
              }
            }
            events.progressChanged(stored.tenant(), stored.campaignId());
          });
    }
    return result;
  }

  private Result ignore(
      Call call, CallStatusUpdate update, Instant at, CallStateMachine.Ignore ignore) {
    CallLogEvent event =
        switch (ignore.kind()) {
          case DUPLICATE -> CallLogEvent.STATUS_DUPLICATE;
          case STALE -> CallLogEvent.STATUS_STALE;
          case UNKNOWN -> CallLogEvent.STATUS_UNKNOWN;
        };
    if (ignore.kind() == CallStateMachine.Kind.UNKNOWN
        && unknownStatuses.add(call.provider() + "|" + update.rawStatus())) {
      // once per provider and value: a provider that added a status would otherwise flood the log
      log.warn(
          "call {}: provider {} sent unknown status '{}'; recorded, not applied",
          call.id(),
          call.provider(),
          update.rawStatus());
    } else {
      log.debug("call {}: {} ignored: {}", call.id(), update.rawStatus(), ignore.reason());
    }
    store.appendLog(
        List.of(
            CallLogEntry.draft(
                call,
                at,
                event,
                update.status() == CallStatus.UNKNOWN ? null : update.status(),
                ignore.reason(),
                update.rawPayload())));
    return switch (ignore.kind()) {
      case DUPLICATE -> Result.DUPLICATE;
      case STALE -> Result.STALE;
      case UNKNOWN -> Result.UNKNOWN_STATUS;
    };
  }

  /** Appends one entry about {@code call} to its log, now: a step that changes nothing else. */
  void note(Call call, CallLogEvent event, String detail) {
    store.appendLog(List.of(CallLogEntry.draft(call, clock.instant(), event, null, detail, null)));
  }

  private Call reread(Call call) {
    return store.findCall(call.tenant(), call.id()).orElse(null);
  }

  private static String describe(CallStatus from, Call next) {
    if (from == next.status()) {
      return next.status() + " confirmed by " + next.provider();
    }
    StringBuilder s = new StringBuilder().append(from).append(" -> ").append(next.status());
    if (next.status().isTerminal()) {
      if (next.duration() != null) {
        s.append(", duration ").append(next.duration().toMillis()).append(" ms");
      }
      if (next.failureReason() != null) {
        s.append(", reason ").append(next.failureReason());
      }
    }
    return s.toString();
  }
}
