package dev.dialkit.campaign.internal.csv;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Stores batches on one background thread while the caller's thread parses the next: parsing
 * (libphonenumber) and the store's round trip overlap. At most {@value #IN_FLIGHT} batches wait, so
 * memory stays bounded. After a failure no later batch is stored, and the failure is rethrown on
 * the caller's thread by the next {@link #submit} or by {@link #finish}.
 */
final class Pipeline implements AutoCloseable {
  static final int IN_FLIGHT = 2;

  private final Consumer<Batch> store;
  private final Deque<Future<?>> pending = new ArrayDeque<>();
  private ExecutorService executor; // made for the second batch: a small file needs no thread
  private volatile boolean failed;

  Pipeline(Consumer<Batch> store) {
    this.store = store;
  }

  void submit(Batch batch) {
    if (executor == null) {
      executor =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "dialkit-csv-import");
                t.setDaemon(true);
                return t;
              });
    }
    pending.add(executor.submit(() -> run(batch)));
    while (pending.size() > IN_FLIGHT) {
      await(pending.removeFirst());
    }
  }

  /** Stores {@code last} on this thread once the others are stored. */
  void finish(Batch last) {
    while (!pending.isEmpty()) {
      await(pending.removeFirst());
    }
    if (last != null && last.size() > 0) {
      store.accept(last);
    }
  }

  private void run(Batch batch) {
    if (failed) {
      return;
    }
    try {
      store.accept(batch);
    } catch (RuntimeException | Error e) {
      failed = true;
      throw e;
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing an import", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (executor != null) {
      failed = true; // on an early exit, batches still queued are not stored
      executor.shutdown();
      try {
        while (!executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
          // the batch being stored finishes: its rows are in the report when this returns
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
