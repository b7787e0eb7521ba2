package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadHold;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.AttemptCapRules;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.testkit.SimulatedCall;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance guarantees, checked after a run from the provider's own record:
 *
 * <ol>
 *   <li>no number of a tenant was called more often than the attempt caps allow, across all the
 *       tenant's campaigns: in any 24 hours, and on any calendar day in the lead's time zone;
 *   <li>once a number's suppression returned, no call to it of that tenant reached the provider
 *       later than the permit timeout (a permit granted just before the suppression may still be
 *       used within it, never after);
 *   <li>a lead left queued by a cap is held for a reason: its number had as many counted calls as
 *       the cap allows, and it is due within 24 hours.
 * </ol>
 */
public final class ComplianceChecks {
  private record Key(TenantId tenant, PhoneNumber phone) {}

  private final CampaignStore store;
  private final List<TenantId> tenants;
  private final AttemptCaps caps;
  private final Duration permitTimeout;
  private final List<String> violations = new ArrayList<>();

  public ComplianceChecks(
      CampaignStore store, List<TenantId> tenants, AttemptCaps caps, Duration permitTimeout) {
    this.store = store;
    this.tenants = List.copyOf(tenants);
    this.caps = caps;
    this.permitTimeout = permitTimeout;
  }

  /** Every violation found, one line each. */
  public List<String> check(
      List<SimulatedCall> calls, List<SimSuppressor.Suppressed> suppressed, Instant now) {
    Map<Key, List<SimulatedCall>> byNumber = new HashMap<>();
    Map<Key, ZoneId> zones = new HashMap<>();
    for (SimulatedCall truth : calls) {
      Optional<Call> stored = stored(truth);
      if (stored.isEmpty()) {
        continue; // SimInvariants reports calls the store lost
      }
      Key key = new Key(stored.get().tenant(), truth.to());
      byNumber.computeIfAbsent(key, k -> new ArrayList<>()).add(truth);
      store
          .findLead(stored.get().tenant(), stored.get().leadId())
          .ifPresent(l -> zones.put(key, l.timeZone()));
    }
    byNumber.forEach((key, list) -> caps(key, list, zones.getOrDefault(key, ZoneId.of("UTC"))));
    for (SimSuppressor.Suppressed s : suppressed) {
      Instant deadline = s.at().plus(permitTimeout);
      for (SimulatedCall truth : byNumber.getOrDefault(new Key(s.tenant(), s.phone()), List.of())) {
        if (truth.placedAt().isAfter(deadline)) {
          violations.add(
              "call "
                  + truth.callId()
                  + " to "
                  + s.phone().masked()
                  + " reached the provider at "
                  + truth.placedAt()
                  + ", after the number's suppression returned at "
                  + s.at()
                  + " ("
                  + s.via()
                  + ")");
        }
      }
    }
    return violations;
  }

  /**
   * Whether a cap holds {@code lead} for a reason: it is queued with a cap hold, due within 24
   * hours, and 1 ms before it is due the caps still hold its number, counting the tenant's stored
   * calls to it (any campaign; calls released unsent do not count).
   */
  public boolean heldByCap(Lead lead, Instant now, Collection<Call> allStored) {
    if (lead.state() != LeadState.QUEUED
        || (lead.hold() != LeadHold.ROLLING_24_HOUR_CAP
            && lead.hold() != LeadHold.CALENDAR_DAY_CAP)) {
      return false;
    }
    if (!lead.nextAttemptAt().isAfter(now)
        || lead.nextAttemptAt().isAfter(now.plus(AttemptCapRules.DAY))) {
      return false;
    }
    List<Instant> counted = new ArrayList<>();
    for (Call call : allStored) {
      if (call.tenant().equals(lead.tenant())
          && call.to().equals(lead.phone())
          && call.failureReason() != FailureReason.NOT_DIALED) {
        counted.add(call.createdAt());
      }
    }
    return AttemptCapRules.check(
            caps, lead.timeZone(), lead.nextAttemptAt().minusMillis(1), counted)
        .isPresent();
  }

  private void caps(Key key, List<SimulatedCall> list, ZoneId zone) {
    List<Instant> times = list.stream().map(SimulatedCall::placedAt).sorted().toList();
    int rolling = caps.perRolling24Hours();
    if (rolling > 0) {
      for (int i = rolling; i < times.size(); i++) {
        if (Duration.between(times.get(i - rolling), times.get(i)).compareTo(AttemptCapRules.DAY)
            < 0) {
          violations.add(
              key.phone().masked()
                  + " of "
                  + key.tenant()
                  + " was called "
                  + (rolling + 1)
                  + " times within 24 hours (cap "
                  + rolling
                  + "), the last at "
                  + times.get(i));
          break;
        }
      }
    }
    int daily = caps.perCalendarDay();
    if (daily > 0) {
      Map<LocalDate, Integer> perDay = new HashMap<>();
      for (Instant t : times) {
        LocalDate day = t.atZone(zone).toLocalDate();
        if (perDay.merge(day, 1, Integer::sum) == daily + 1) {
          violations.add(
              key.phone().masked()
                  + " of "
                  + key.tenant()
                  + " was called more than "
                  + daily
                  + " times on "
                  + day
                  + " in "
                  + zone);
        }
      }
    }
  }

  private Optional<Call> stored(SimulatedCall truth) {
    for (TenantId tenant : tenants) {
      Optional<Call> call = store.findCall(tenant, truth.callId());
      if (call.isPresent()) {
        return call;
      }
    }
    return Optional.empty();
  }
}
