package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.spi.CallTransition;
import dev.dialkit.campaign.spi.ClaimResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * {@code applyTransition} calls per second, {@code threads} threads, each on the calls of its own
 * campaign, in three timed phases as the webhook pipeline applies a call's updates: every call
 * ringing, then every call answered (non-terminal: one update of the call), then every call
 * completed (terminal: the lead done, the slot freed, the counters moved). The calls are claimed
 * and given their dial permit first, untimed.
 */
final class WebhookThroughput {
  private WebhookThroughput() {}

  /**
   * Runs a warm-up of {@code warmUpEach} calls per thread, then measures {@code callsEach} calls
   * per thread; returns non-terminal, terminal and both together.
   */
  static List<Measurement> measure(DataSource ds, int threads, int warmUpEach, int callsEach) {
    BenchCampaigns bench = BenchCampaigns.create(ds, "tpw_", threads, warmUpEach + callsEach);
    phases(bench, threads, warmUpEach);
    List<Measurement> phases = phases(bench, threads, callsEach);
    Measurement ringing = phases.get(0);
    Measurement answered = phases.get(1);
    Measurement completed = phases.get(2);
    Measurement nonTerminal =
        new Measurement(
            "webhook updates, non-terminal (ringing, answered)",
            threads,
            ringing.count() + answered.count(),
            ringing.seconds() + answered.seconds(),
            ringing.loadStart(),
            answered.loadEnd(),
            "");
    Measurement terminal =
        new Measurement(
            "webhook updates, terminal (completed)",
            threads,
            completed.count(),
            completed.seconds(),
            completed.loadStart(),
            completed.loadEnd(),
            "");
    Measurement together =
        new Measurement(
            "webhook updates, all three",
            threads,
            nonTerminal.count() + terminal.count(),
            nonTerminal.seconds() + terminal.seconds(),
            ringing.loadStart(),
            completed.loadEnd(),
            "");
    return List.of(nonTerminal, terminal, together);
  }

  private static List<Measurement> phases(BenchCampaigns bench, int threads, int callsEach) {
    List<List<Call>> calls = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      calls.add(claimed(bench, t, callsEach));
    }
    List<Measurement> out = new ArrayList<>();
    out.add(phase("ringing", bench, calls, (c, at) -> CallLifecycle.ringing(c, at)));
    out.add(phase("answered", bench, calls, (c, at) -> CallLifecycle.answered(c, at)));
    out.add(phase("completed", bench, calls, (c, at) -> CallLifecycle.completed(c, at)));
    return out;
  }

  /** Claims {@code n} calls of campaign {@code t} and gives each its dial permit. */
  private static List<Call> claimed(BenchCampaigns bench, int t, int n) {
    List<Call> calls = new ArrayList<>(n);
    while (calls.size() < n) {
      int size = Math.min(100, n - calls.size());
      List<ClaimResult.Claimed> batch = bench.store().claimBatch(bench.batch(t, size)).claimed();
      if (batch.isEmpty()) {
        throw new IllegalStateException("no lead left to claim in campaign " + t);
      }
      for (ClaimResult.Claimed c : batch) {
        calls.add(
            CallLifecycle.permit(
                bench.store(), c.call(), bench.epochs().get(t), BenchCampaigns.NOW));
      }
    }
    return calls;
  }

  /** Applies one update to every call, thread t on list t; each call replaced by its next state. */
  private static Measurement phase(
      String what,
      BenchCampaigns bench,
      List<List<Call>> calls,
      BiFunction<Call, Instant, CallTransition> next) {
    return Workers.run(
        what,
        calls.size(),
        t ->
            () -> {
              List<Call> mine = calls.get(t);
              for (int i = 0; i < mine.size(); i++) {
                mine.set(
                    i,
                    CallLifecycle.apply(
                        bench.store(), next.apply(mine.get(i), BenchCampaigns.NOW)));
              }
              return (long) mine.size();
            });
  }
}
