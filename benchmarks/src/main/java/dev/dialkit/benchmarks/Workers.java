package dev.dialkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs {@code threads} client threads at once and times them: the clock starts when all of them are
 * ready and stops when the last one is done, so the figure is the throughput of all threads
 * together, not the sum of per-thread rates.
 */
final class Workers {
  private Workers() {}

  /**
   * Runs {@code work.apply(t)} on thread {@code t} for each t in [0, threads); each returns how
   * many operations it did.
   *
   * @throws IllegalStateException if any thread failed (its failure as the cause)
   */
  static Measurement run(String what, int threads, IntFunction<Callable<Long>> work) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Long> task = work.apply(t);
        done.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return task.call();
                }));
      }
      ready.await();
      String loadStart = LoadAverage.now();
      long start = System.nanoTime();
      go.countDown();
      long count = 0;
      for (Future<Long> f : done) {
        count += f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measurement(what, threads, count, seconds, loadStart, LoadAverage.now(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + ": interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(what + ": a client thread failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
