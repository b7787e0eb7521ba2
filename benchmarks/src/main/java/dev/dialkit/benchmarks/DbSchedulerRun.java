package dev.dialkit.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The reference for end-to-end leads/s: db-scheduler on the same database, {@code tasks} no-op
 * one-time tasks scheduled due now, executions per second from the scheduler's start until every
 * task ran. On PostgreSQL it polls with lock-and-fetch ({@code SELECT … FOR UPDATE SKIP LOCKED},
 * fetching up to {@value #UPPER_FRACTION} × threads executions, refetching below {@value
 * #LOWER_FRACTION} × threads). db-scheduler 16 refuses lock-and-fetch on MariaDB and on H2 (its
 * MariaDB and generic customizations declare no support), so there it runs its default strategy,
 * fetch-and-lock-on-execute (same fractions), and the row says so.
 */
final class DbSchedulerRun {
  static final double LOWER_FRACTION = 0.5;
  static final double UPPER_FRACTION = 3.0;
  static final Duration GIVE_UP = Duration.ofMinutes(5);

  private DbSchedulerRun() {}

  static Measurement run(BenchDatabase db, DataSource ds, int threads, int warmUpTasks, int tasks)
      throws SQLException {
    DbSchedulerTable.create(ds, db.kind());
    boolean lockAndFetch = db.kind() == BenchDatabase.Kind.POSTGRESQL;
    round(ds, threads, lockAndFetch, "warm-up", warmUpTasks);
    return round(ds, threads, lockAndFetch, "measured", tasks);
  }

  private static Measurement round(
      DataSource ds, int threads, boolean lockAndFetch, String name, int tasks) {
    CountDownLatch ran = new CountDownLatch(tasks);
    // when the first task ran: a scheduler that waits a polling interval before its first fetch
    // shows here, not only in the rate
    AtomicLong first = new AtomicLong();
    OneTimeTask<Void> noop =
        Tasks.oneTime("noop-" + name)
            .execute(
                (instance, context) -> {
                  first.compareAndSet(0, System.nanoTime());
                  ran.countDown();
                });
    SchedulerClient client =
        SchedulerClient.Builder.create(ds, noop).tableName(DbSchedulerTable.NAME).build();
    List<TaskInstance<?>> instances = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      instances.add(noop.instance(name + "-" + i));
    }
    client.scheduleBatch(instances, Instant.now());
    SchedulerBuilder builder =
        Scheduler.create(ds, noop)
            .tableName(DbSchedulerTable.NAME)
            .threads(threads)
            .alwaysPersistTimestampInUTC();
    if (lockAndFetch) {
      builder.pollUsingLockAndFetch(LOWER_FRACTION, UPPER_FRACTION);
    } else {
      builder.pollUsingFetchAndLockOnExecute(LOWER_FRACTION, UPPER_FRACTION);
    }
    Scheduler scheduler = builder.build();
    String loadStart = LoadAverage.now();
    long start = System.nanoTime();
    scheduler.start();
    try {
      if (!ran.await(GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException(
            "db-scheduler ran " + (tasks - ran.getCount()) + " of " + tasks + " in " + GIVE_UP);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return new Measurement(
          lockAndFetch
              ? "db-scheduler executions (lock-and-fetch)"
              : "db-scheduler executions (fetch-and-lock-on-execute: no lock-and-fetch here)",
          threads,
          tasks,
          seconds,
          loadStart,
          LoadAverage.now(),
          String.format(Locale.ROOT, "first task ran after %.2f s", (first.get() - start) / 1e9));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("db-scheduler run interrupted", e);
    } finally {
      scheduler.stop();
    }
  }
}
