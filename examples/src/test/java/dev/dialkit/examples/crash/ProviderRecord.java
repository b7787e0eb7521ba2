package dev.dialkit.examples.crash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the fake Twilio's record of calls says about the dialer's guarantees. */
final class ProviderRecord {
  private final List<FakeCall> calls;

  ProviderRecord(List<FakeCall> calls) {
    this.calls = List.copyOf(calls);
  }

  int creates() {
    return calls.size();
  }

  /** The calls by Dialkit call id (the first, if one was created twice). */
  Map<String, FakeCall> byCallId() {
    return calls.stream()
        .collect(Collectors.toMap(c -> c.callId, c -> c, (a, b) -> a, TreeMap::new));
  }

  /** Dialkit call ids the provider was asked to create more than once, with their calls. */
  Map<String, List<FakeCall>> callIdsCreatedTwice() {
    return calls.stream()
        .collect(Collectors.groupingBy(c -> String.valueOf(c.callId), TreeMap::new, toList()))
        .entrySet()
        .stream()
        .filter(e -> e.getValue().size() > 1)
        .collect(
            Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  /**
   * Pairs of calls to one number that were live at the same time (a call still live never ended).
   */
  List<String> overlappingCallsToOneNumber() {
    List<String> overlaps = new ArrayList<>();
    for (List<FakeCall> toNumber : byNumber().values()) {
      for (int i = 1; i < toNumber.size(); i++) {
        FakeCall before = toNumber.get(i - 1);
        FakeCall after = toNumber.get(i);
        if (after.createdNanos < before.endedNanos()) {
          overlaps.add(before + " still live when " + after + " was created");
        }
      }
    }
    return overlaps;
  }

  /** The most calls the provider had live at one time. */
  int mostLiveAtOnce() {
    // +1 at a creation, -1 at an end; at equal times the end counts first
    List<long[]> edges = new ArrayList<>();
    for (FakeCall c : calls) {
      edges.add(new long[] {c.createdNanos, 1});
      edges.add(new long[] {c.endedNanos(), -1});
    }
    edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    int live = 0;
    int most = 0;
    for (long[] e : edges) {
      live += (int) e[1];
      most = Math.max(most, live);
    }
    return most;
  }

  /** The most calls the provider received for one number. */
  int mostCallsToOneNumber() {
    return byNumber().values().stream().mapToInt(List::size).max().orElse(0);
  }

  /** Calls by number, each list in creation order. */
  private Map<String, List<FakeCall>> byNumber() {
    return calls.stream().collect(Collectors.groupingBy(c -> c.to, TreeMap::new, toList()));
  }

  private static java.util.stream.Collector<FakeCall, ?, List<FakeCall>> toList() {
    return Collectors.collectingAndThen(
        Collectors.toList(),
        list -> {
          list.sort(Comparator.comparingLong(c -> c.createdNanos));
          return list;
        });
  }
}
