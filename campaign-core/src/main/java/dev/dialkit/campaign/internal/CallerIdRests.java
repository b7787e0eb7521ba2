package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CallerIdHealth;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.TaskScheduler;
import dev.dialkit.campaign.spi.Untrusted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges each tenant's caller ids by the calls that end on this instance ({@link CallerIdHealth})
 * and rests the failing ones: a rest ends by a timer on the scheduler, which says so and wakes the
 * executor. Kept in this instance's memory.
 */
final class CallerIdRests {
  private static final Logger log = LoggerFactory.getLogger(CallerIdRests.class);

  private enum Verdict {
    GOOD,
    BAD,
    BLOCKED,
    NOT_COUNTED
  }

  private record Key(TenantId tenant, PhoneNumber number) {}

  /** One caller id's recent verdicts (true: bad) and its rest, guarded by itself. */
  private static final class Health {
    final ArrayDeque<Boolean> recent = new ArrayDeque<>();
    Instant restedUntil;
  }

  private final PerTenant<CallerIdHealth> policies;
  private final Clock clock;
  private final TaskScheduler scheduler;
  private final EventPublisher events;
  private final Runnable restored;
  private final ConcurrentHashMap<Key, Health> health = new ConcurrentHashMap<>();
  private final Set<CampaignId> awaiting = ConcurrentHashMap.newKeySet();

  CallerIdRests(
      PerTenant<CallerIdHealth> policies,
      Clock clock,
      TaskScheduler scheduler,
      EventPublisher events,
      Runnable restored) {
    this.policies = policies;
    this.clock = clock;
    this.scheduler = scheduler;
    this.events = events;
    this.restored = restored;
  }

  /** Counts an ended call against its caller id, and rests the caller id if it fails. */
  void callEnded(Call call) {
    CallerIdHealth policy = policies.forTenant(call.tenant());
    Verdict verdict = verdict(call);
    if (!policy.enabled() || verdict == Verdict.NOT_COUNTED) {
      return;
    }
    Key key = new Key(call.tenant(), call.from());
    Health h = health.computeIfAbsent(key, k -> new Health());
    Instant now = clock.instant();
    String reason = null;
    Instant until;
    synchronized (h) {
      if (h.restedUntil != null) {
        return; // a call placed before the rest: the caller id is judged afresh after it
      }
      if (verdict == Verdict.BLOCKED && policy.restOnBlocked()) {
        reason =
            "the provider reported it blocked or labelled as spam"
                + (call.hangupCause() != null
                    ? " (" + Untrusted.escape(call.hangupCause(), Untrusted.MAX_ECHO) + ")"
                    : "");
      } else {
        h.recent.addLast(verdict != Verdict.GOOD);
        while (h.recent.size() > policy.window()) {
          h.recent.removeFirst();
        }
        reason = judge(h, policy);
      }
      if (reason == null) {
        return;
      }
      until = now.plus(policy.restFor());
      h.restedUntil = until;
      h.recent.clear();
    }
    log.info(
        "caller id {} of tenant {} rested until {} (call {} of campaign {}): {}",
        key.number(),
        key.tenant(),
        until,
        call.id(),
        call.campaignId(),
        reason);
    events.publish(
        new DialkitEvent.CallerIdRested(
            key.tenant(), key.number(), "caller id " + key.number() + ": " + reason, until, now));
    scheduler.schedule(() -> restore(key, until), Duration.between(now, until));
  }

  private static String judge(Health h, CallerIdHealth policy) {
    if (h.recent.size() < policy.minCalls()) {
      return null;
    }
    long bad = h.recent.stream().filter(b -> b).count();
    double share = (double) bad / h.recent.size();
    if (share < policy.threshold()) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%d of its last %d calls were unanswered or refused (%.0f %%, at or above %.0f %%)",
        bad,
        h.recent.size(),
        share * 100,
        policy.threshold() * 100);
  }

  private void restore(Key key, Instant until) {
    Health h = health.get(key);
    if (h == null) {
      return;
    }
    synchronized (h) {
      if (!until.equals(h.restedUntil)) {
        return;
      }
      h.restedUntil = null;
    }
    log.info("caller id {} of tenant {} restored", key.number(), key.tenant());
    events.publish(new DialkitEvent.CallerIdRestored(key.tenant(), key.number(), clock.instant()));
    restored.run();
  }

  /** Whether {@code number} of {@code tenant} may be used now. */
  boolean usable(TenantId tenant, PhoneNumber number, Instant now) {
    return restedUntil(tenant, number, now) == null;
  }

  private Instant restedUntil(TenantId tenant, PhoneNumber number, Instant now) {
    if (health.isEmpty()) {
      return null;
    }
    Health h = health.get(new Key(tenant, number));
    if (h == null) {
      return null;
    }
    synchronized (h) {
      return h.restedUntil != null && now.isBefore(h.restedUntil) ? h.restedUntil : null;
    }
  }

  /** When the first of the campaign's caller ids is back, if every one rests; else {@code null}. */
  Instant allRestedUntil(Campaign campaign, Instant now) {
    if (health.isEmpty()) {
      return null;
    }
    Instant first = null;
    for (PhoneNumber number : campaign.spec().callerIds()) {
      Instant until = restedUntil(campaign.tenant(), number, now);
      if (until == null) {
        return null;
      }
      first = first == null || until.isBefore(first) ? until : first;
    }
    return first;
  }

  /** The campaign waits for a caller id until {@code until}: said once each time it starts to. */
  void awaiting(Campaign campaign, Instant until, Instant now) {
    if (awaiting.add(campaign.id())) {
      log.debug("campaign {}: every caller id rests; waiting until {}", campaign.id(), until);
      events.publish(
          new DialkitEvent.CampaignAwaitingCallerIds(events.progress(campaign, now), until, now));
    }
  }

  /** The campaign has a caller id to dial from again. */
  void notAwaiting(CampaignId campaign) {
    awaiting.remove(campaign);
  }

  private static Verdict verdict(Call call) {
    CallStatus status = call.status();
    if (status.isAnswered()) {
      return Verdict.GOOD;
    }
    if (status == CallStatus.NO_ANSWER || status == CallStatus.BUSY) {
      return Verdict.BAD;
    }
    if (status == CallStatus.FAILED) {
      FailureReason reason = call.failureReason();
      if (reason == FailureReason.CALLER_ID_BLOCKED) {
        return Verdict.BLOCKED;
      }
      return reason == FailureReason.REJECTED ? Verdict.BAD : Verdict.NOT_COUNTED;
    }
    return Verdict.NOT_COUNTED; // canceled: Dialkit's or the host's own hang-up
  }
}
