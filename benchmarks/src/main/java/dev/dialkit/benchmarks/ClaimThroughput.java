package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.spi.BatchClaimResult;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.ClaimResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Leads claimed per second, {@code threads} threads each claiming from its own running campaign (as
 * one dialer instance claims for each campaign it leases), through {@code claimBatch} (batches of
 * {@value CampaignStore#MAX_CLAIM_BATCH}) and through single {@code claimNext} calls (the path
 * before batches).
 *
 * <p>The claims run in timed rounds of {@value #PER_ROUND} claims per thread; between two rounds,
 * untimed, every call claimed is ended (completed), so that the slots held stay what a dialer at a
 * concurrency of {@code threads × PER_ROUND} holds, not the tens of thousands a run that never
 * releases would pile up (a store that counts slots from their rows would be measured on an
 * impossible load). The limits never bind ({@link BenchCampaigns#UNBOUND}).
 */
final class ClaimThroughput {
  /** Claims per thread per round: one full batch, or that many single claims. */
  static final int PER_ROUND = CampaignStore.MAX_CLAIM_BATCH;

  static final int WARM_UP_ROUNDS = 1;

  private final BenchCampaigns bench;
  private final int threads;
  private final ExecutorService pool;

  private ClaimThroughput(BenchCampaigns bench, int threads) {
    this.bench = bench;
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads);
  }

  /**
   * Measures {@code batchRounds} rounds of batches, then {@code singleRounds} rounds of single
   * claims, each after {@value #WARM_UP_ROUNDS} rounds of warm-up; returns the two figures.
   */
  static List<Measurement> measure(DataSource ds, int threads, int batchRounds, int singleRounds) {
    int leadsEach = (batchRounds + singleRounds + 2 * WARM_UP_ROUNDS + 1) * PER_ROUND;
    BenchCampaigns bench = BenchCampaigns.create(ds, "tpc_", threads, leadsEach);
    ClaimThroughput run = new ClaimThroughput(bench, threads);
    try {
      run.rounds(true, WARM_UP_ROUNDS);
      Measurement batches = run.rounds(true, batchRounds);
      run.rounds(false, WARM_UP_ROUNDS);
      Measurement singles = run.rounds(false, singleRounds);
      return List.of(batches, singles);
    } finally {
      run.pool.shutdownNow();
    }
  }

  private Measurement rounds(boolean batch, int rounds) {
    String loadStart = LoadAverage.now();
    long claimed = 0;
    long nanos = 0;
    for (int r = 0; r < rounds; r++) {
      List<Call> calls = new ArrayList<>();
      long start = System.nanoTime();
      for (List<Call> some : all(t -> () -> batch ? batchOf(t) : singlesOf(t))) {
        calls.addAll(some);
      }
      nanos += System.nanoTime() - start;
      claimed += calls.size();
      release(calls);
    }
    String what = batch ? "claims via claimBatch (100 a batch)" : "claims via claimNext";
    return new Measurement(what, threads, claimed, nanos / 1e9, loadStart, LoadAverage.now(), "");
  }

  private List<Call> batchOf(int t) {
    BatchClaimResult result = bench.store().claimBatch(bench.batch(t, PER_ROUND));
    if (result.claimed().size() != PER_ROUND) {
      throw new IllegalStateException("a batch claimed only " + result.claimed().size());
    }
    return result.claimed().stream().map(ClaimResult.Claimed::call).toList();
  }

  private List<Call> singlesOf(int t) {
    List<Call> calls = new ArrayList<>(PER_ROUND);
    for (int i = 0; i < PER_ROUND; i++) {
      if (!(bench.store().claimNext(bench.claim(t)) instanceof ClaimResult.Claimed claimed)) {
        throw new IllegalStateException("a single claim was denied");
      }
      calls.add(claimed.call());
    }
    return calls;
  }

  // untimed: ends every call of the round, so that the next round starts with no slot held
  private void release(List<Call> calls) {
    all(
        t ->
            () -> {
              for (int i = t; i < calls.size(); i += threads) {
                CallLifecycle.apply(
                    bench.store(), CallLifecycle.completed(calls.get(i), BenchCampaigns.NOW));
              }
              return List.of();
            });
  }

  /** Runs one task per thread, all released at once, and waits for them. */
  private List<List<Call>> all(java.util.function.IntFunction<Callable<List<Call>>> work) {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<Call>>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Callable<List<Call>> task = work.apply(t);
      done.add(
          pool.submit(
              () -> {
                go.await();
                return task.call();
              }));
    }
    go.countDown();
    List<List<Call>> results = new ArrayList<>();
    try {
      for (Future<List<Call>> f : done) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("claims interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a claiming thread failed", e.getCause());
    }
    return results;
  }
}
