package dev.dialkit.testkit.internal.sim;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.testkit.SimulatedCall;
import dev.dialkit.testkit.SimulatedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The guarantees read off the simulated provider's own record: each lead attempt reached it at most
 * once, no lead ever had two live calls, nothing reached it after a pause or cancel returned, and
 * the calls live at it never exceeded a limit.
 */
final class ProviderRecordChecks {
  private final List<SimCampaign> campaigns;
  private final SimOperator operator;
  private final int global;
  private final int perTenant;
  private final List<String> violations;

  ProviderRecordChecks(
      List<SimCampaign> campaigns,
      SimOperator operator,
      int global,
      int perTenant,
      List<String> violations) {
    this.campaigns = campaigns;
    this.operator = operator;
    this.global = global;
    this.perTenant = perTenant;
    this.violations = violations;
  }

  void check(List<SimulatedCall> calls, List<SimulatedRequest> requests) {
    sentOnce(calls);
    oneLiveCallPerLead(calls);
    nothingAfterStops(requests);
    limits(calls, requests);
  }

  private void sentOnce(List<SimulatedCall> calls) {
    calls.stream()
        .collect(Collectors.groupingBy(SimulatedCall::callId, Collectors.counting()))
        .forEach(
            (id, n) -> {
              if (n > 1) {
                violations.add("call " + id + " reached the provider " + n + " times");
              }
            });
  }

  private void oneLiveCallPerLead(List<SimulatedCall> calls) {
    Map<String, List<SimulatedCall>> byLead =
        calls.stream().collect(Collectors.groupingBy(c -> leadOf(c.callId())));
    byLead.forEach(
        (lead, mine) -> {
          for (int i = 0; i < mine.size(); i++) {
            for (int j = i + 1; j < mine.size(); j++) {
              SimulatedCall a = mine.get(i);
              SimulatedCall b = mine.get(j);
              if (overlap(a, b)) {
                violations.add(
                    "lead "
                        + lead
                        + " had two live calls: "
                        + a.callId()
                        + " "
                        + span(a)
                        + " and "
                        + b.callId()
                        + " "
                        + span(b));
              }
            }
          }
        });
  }

  private void nothingAfterStops(List<SimulatedRequest> requests) {
    List<SimOperator.Move> moves = operator.moves();
    for (SimOperator.Stop stop : operator.stops()) {
      // the stop's own commit, or a later pause or cancel committed before it returned
      int stopped = -1;
      for (int i = 0; i < stop.movesAtReturn(); i++) {
        SimOperator.Move m = moves.get(i);
        if (m.campaign().equals(stop.campaign())
            && (m.status() == CampaignStatus.PAUSED || m.status() == CampaignStatus.CANCELED)) {
          stopped = i;
        }
      }
      long until = Long.MAX_VALUE;
      for (int i = stopped + 1; stopped >= 0 && i < moves.size(); i++) {
        SimOperator.Move m = moves.get(i);
        if (m.campaign().equals(stop.campaign()) && CampaignStatus.ACTIVE.contains(m.status())) {
          until = m.atRequest(); // running again: the requests from then on are its own
          break;
        }
      }
      for (SimulatedRequest r : requests) {
        if (r.campaignId().equals(stop.campaign())
            && r.index() >= stop.fromRequest()
            && r.index() < until) {
          violations.add(
              "request "
                  + r.index()
                  + " for call "
                  + r.callId()
                  + " at "
                  + r.at()
                  + " came after the "
                  + stop.how()
                  + " returned (at request "
                  + stop.fromRequest()
                  + ")");
        }
      }
    }
  }

  private void limits(List<SimulatedCall> calls, List<SimulatedRequest> requests) {
    Map<CallId, CampaignId> campaignOf = new HashMap<>();
    requests.forEach(r -> campaignOf.put(r.callId(), r.campaignId()));
    Map<CampaignId, SimCampaign> byId =
        campaigns.stream().collect(Collectors.toMap(SimCampaign::id, Function.identity()));
    checkLimit("global", calls, c -> "*", global);
    checkLimit(
        "tenant", calls, c -> byId.get(campaignOf.get(c.callId())).tenant().value(), perTenant);
    for (SimCampaign campaign : campaigns) {
      checkLimit(
          "campaign " + campaign.id(),
          calls.stream().filter(c -> campaign.id().equals(campaignOf.get(c.callId()))).toList(),
          c -> "c",
          campaign.limit());
    }
  }

  private void checkLimit(
      String scope, List<SimulatedCall> calls, Function<SimulatedCall, String> key, int limit) {
    // sweep the starts and ends; at one instant ends come first (a freed slot refilled at once)
    record Edge(Instant at, int delta, String key) {}
    List<Edge> edges = new ArrayList<>();
    for (SimulatedCall c : calls) {
      edges.add(new Edge(c.placedAt(), 1, key.apply(c)));
      if (c.endedAt() != null) {
        edges.add(new Edge(c.endedAt(), -1, key.apply(c)));
      }
    }
    edges.sort(java.util.Comparator.comparing(Edge::at).thenComparingInt(Edge::delta));
    Map<String, Integer> live = new HashMap<>();
    for (Edge e : edges) {
      int now = live.merge(e.key(), e.delta(), Integer::sum);
      if (now > limit) {
        violations.add(
            scope + " limit " + limit + " exceeded at the provider: " + now + " live at " + e.at());
        return;
      }
    }
  }

  private static boolean overlap(SimulatedCall a, SimulatedCall b) {
    Instant aEnd = a.endedAt() == null ? Instant.MAX : a.endedAt();
    Instant bEnd = b.endedAt() == null ? Instant.MAX : b.endedAt();
    return a.placedAt().isBefore(bEnd) && b.placedAt().isBefore(aEnd);
  }

  private static String span(SimulatedCall c) {
    return "[" + c.placedAt() + ", " + (c.endedAt() == null ? "live" : c.endedAt()) + ")";
  }

  static String leadOf(CallId call) {
    String v = call.value();
    return v.substring(0, v.lastIndexOf('.'));
  }
}
