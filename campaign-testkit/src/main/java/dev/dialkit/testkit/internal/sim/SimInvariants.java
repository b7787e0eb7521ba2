package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.Counter;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.SlotUsage;
import dev.dialkit.testkit.SimulatedCall;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.SimulatedRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guarantees, checked after a run from the simulated provider's own record and from the store
 * read directly (not through any instance):
 *
 * <ol>
 *   <li>each lead attempt reached the provider at most once;
 *   <li>no lead ever had two calls live at the provider;
 *   <li>no request reached the provider after a pause or cancel returned (until a resume);
 *   <li>calls live at the provider never exceeded the global, tenant or campaign limit;
 *   <li>every accepted lead is stored, and ended final or is still queued (queued only in a paused
 *       or canceled campaign); every running campaign completed;
 *   <li>slots held equal calls in progress;
 *   <li>campaign counters equal what the stored leads and calls say, and every call the provider
 *       made is stored with the provider's own status and talk time.
 * </ol>
 */
public final class SimInvariants {
  private static final Set<FailureReason> REFUNDED =
      Set.of(FailureReason.NOT_DIALED, FailureReason.PRE_DIAL_HOOK);

  private final SimulatedCallProvider provider;
  private final CampaignStore store;
  private final List<SimCampaign> campaigns;
  private final SimOperator operator;
  private final int global;
  private final int perTenant;
  private final List<String> violations = new ArrayList<>();
  private final Map<CallId, Call> allStored = new HashMap<>();
  private final ComplianceChecks compliance;
  private final java.time.Instant now;
  private final List<Lead> capHeld = new ArrayList<>();

  public SimInvariants(
      SimulatedCallProvider provider,
      CampaignStore store,
      List<SimCampaign> campaigns,
      SimOperator operator,
      int global,
      int perTenant) {
    this(provider, store, campaigns, operator, global, perTenant, null, null);
  }

  /**
   * With attempt caps on: a lead a cap holds back may stay queued in a running campaign, if {@code
   * compliance} finds the hold justified at {@code now}.
   */
  public SimInvariants(
      SimulatedCallProvider provider,
      CampaignStore store,
      List<SimCampaign> campaigns,
      SimOperator operator,
      int global,
      int perTenant,
      ComplianceChecks compliance,
      java.time.Instant now) {
    this.compliance = compliance;
    this.now = now;
    this.provider = provider;
    this.store = store;
    this.campaigns = campaigns;
    this.operator = operator;
    this.global = global;
    this.perTenant = perTenant;
  }

  /** How many leads were left queued, held back by an attempt cap (after {@link #check}). */
  public int capHeld() {
    return capHeld.size();
  }

  /** Every violation found, one line each; empty if all guarantees held. */
  public List<String> check() {
    List<SimulatedCall> calls = provider.calls();
    List<SimulatedRequest> requests = provider.requests();
    new ProviderRecordChecks(campaigns, operator, global, perTenant, violations)
        .check(calls, requests);
    for (SimCampaign c : campaigns) {
      campaign(c);
    }
    for (Lead lead : capHeld) {
      if (!compliance.heldByCap(lead, now, allStored.values())) {
        violations.add(
            "lead "
                + lead.id()
                + " is held by "
                + lead.hold()
                + " until "
                + lead.nextAttemptAt()
                + " without a reason: its number's counted calls do not reach the cap");
      }
    }
    truth(calls);
    return violations;
  }

  private void campaign(SimCampaign c) {
    Campaign campaign = store.findCampaign(c.tenant(), c.id()).orElse(null);
    if (campaign == null) {
      violations.add("campaign " + c.id() + " is not stored");
      return;
    }
    List<Lead> leads = SimWorlds.leads(store, c.tenant(), c.id());
    Map<PhoneNumber, Lead> byPhone = new HashMap<>();
    leads.forEach(l -> byPhone.put(l.phone(), l));
    for (PhoneNumber accepted : operator.accepted().get(c.id())) {
      if (!byPhone.containsKey(accepted)) {
        violations.add("campaign " + c.id() + ": accepted lead " + accepted.masked() + " is lost");
      }
    }
    CampaignStatus status = campaign.status();
    boolean onlyCapHeld = true;
    Map<LeadState, Long> leadStates = new EnumMap<>(LeadState.class);
    for (Lead lead : leads) {
      leadStates.merge(lead.state(), 1L, Long::sum);
      if (lead.state() == LeadState.IN_PROGRESS) {
        onlyCapHeld = false;
        violations.add("lead " + lead.id() + " of " + c.id() + " is still in progress");
      }
      if (lead.state() == LeadState.QUEUED
          && status != CampaignStatus.PAUSED
          && status != CampaignStatus.CANCELED) {
        if (compliance != null && SimWorlds.capHold(lead)) {
          capHeld.add(lead); // checked once every campaign's calls are known
        } else {
          onlyCapHeld = false;
          violations.add("lead " + lead.id() + " is queued in a " + status + " campaign: stranded");
        }
      }
    }
    boolean waitsForCaps = status == CampaignStatus.RUNNING && compliance != null && onlyCapHeld;
    if ((status == CampaignStatus.RUNNING || status == CampaignStatus.SCHEDULED) && !waitsForCaps) {
      violations.add("campaign " + c.id() + " is still " + status + " after the world settled");
    }
    Map<CallId, Call> stored = calls(c.tenant(), leads);
    counters(campaign, leads.size(), leadStates, stored.values());
    slots(c, stored.values());
    allStored.putAll(stored);
  }

  private void counters(
      Campaign campaign, long total, Map<LeadState, Long> states, Iterable<Call> calls) {
    Map<Counter, Long> expected = new EnumMap<>(Counter.class);
    expected.put(Counter.LEADS_TOTAL, total);
    for (LeadState s : LeadState.values()) {
      expected.put(Counter.forLeadState(s), states.getOrDefault(s, 0L));
    }
    for (Counter outcome :
        List.of(
            Counter.CALLS_PLACED,
            Counter.CALLS_ANSWERED,
            Counter.CALLS_COMPLETED,
            Counter.CALLS_VOICEMAIL,
            Counter.CALLS_BUSY,
            Counter.CALLS_NO_ANSWER,
            Counter.CALLS_FAILED,
            Counter.CALLS_CANCELED,
            Counter.TALK_MILLIS,
            Counter.TIMED_CALLS)) {
      expected.put(outcome, 0L);
    }
    for (Call call : calls) {
      if (call.failureReason() != null && REFUNDED.contains(call.failureReason())) {
        continue;
      }
      expected.merge(Counter.CALLS_PLACED, 1L, Long::sum);
      if (call.status().isTerminal()) {
        expected.merge(Counter.forOutcome(call.status()), 1L, Long::sum);
        if (call.status().isAnswered()) {
          expected.merge(Counter.CALLS_ANSWERED, 1L, Long::sum);
          if (call.duration() != null) {
            expected.merge(Counter.TALK_MILLIS, call.duration().toMillis(), Long::sum);
            expected.merge(Counter.TIMED_CALLS, 1L, Long::sum);
          }
        }
      }
    }
    expected.forEach(
        (counter, value) -> {
          long actual = campaign.counters().get(counter);
          if (actual != value) {
            violations.add(
                "campaign "
                    + campaign.id()
                    + ": counter "
                    + counter
                    + " is "
                    + actual
                    + ", the stored leads and calls say "
                    + value);
          }
        });
  }

  private void slots(SimCampaign c, Iterable<Call> calls) {
    long active = 0;
    for (Call call : calls) {
      if (!call.status().isTerminal()) {
        active++;
      }
    }
    SlotUsage usage = store.slotUsage(c.tenant(), c.id());
    if (usage.campaign() != active) {
      violations.add(
          "campaign "
              + c.id()
              + ": "
              + usage.campaign()
              + " slots held, "
              + active
              + " calls active");
    }
  }

  private void truth(List<SimulatedCall> providerCalls) {
    for (SimulatedCall truth : providerCalls) {
      Call call = allStored.get(truth.callId());
      if (call == null) {
        violations.add("the provider made call " + truth.callId() + ", which is not stored");
        continue;
      }
      if (call.failureReason() != null && REFUNDED.contains(call.failureReason())) {
        violations.add(
            "call "
                + call.id()
                + " reached the provider, but is stored as never dialed ("
                + call.failureReason()
                + ")");
        continue;
      }
      if (truth.isActive()) {
        violations.add("call " + truth.callId() + " is still live at the provider");
      } else if (call.status() != truth.status()) {
        violations.add(
            "call "
                + call.id()
                + " is stored "
                + call.status()
                + " ("
                + call.failureReason()
                + ") but the provider says "
                + truth.status());
      } else if (call.duration() != null
          && truth.billedDuration() != null
          && !call.duration().equals(truth.billedDuration())) {
        violations.add(
            "call "
                + call.id()
                + " has duration "
                + call.duration()
                + ", the provider's billed duration is "
                + truth.billedDuration());
      }
    }
  }

  /** The stored calls of the leads: ids are {@code <lead>.<n>}, numbered from 1 without gaps. */
  private Map<CallId, Call> calls(TenantId tenant, List<Lead> leads) {
    Map<CallId, Call> calls = new LinkedHashMap<>();
    for (Lead lead : leads) {
      int missing = 0;
      for (int n = 1; missing < 3; n++) {
        var call = store.findCall(tenant, CallId.forAttempt(lead.id(), n));
        if (call.isPresent()) {
          calls.put(call.get().id(), call.get());
          missing = 0;
        } else {
          missing++;
        }
      }
    }
    return calls;
  }
}
