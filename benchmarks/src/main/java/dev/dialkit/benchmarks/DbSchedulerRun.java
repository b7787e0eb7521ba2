package dev.dialkit.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The reference for end-to-end leads/s: db-scheduler on the same database, {@code tasks} no-op
 * one-time tasks scheduled due now, polled with lock-and-fetch ({@code SELECT … FOR UPDATE SKIP
 * LOCKED}, fetching up to {@value #UPPER_FRACTION} × threads executions, refetching below {@value
 * #LOWER_FRACTION} × threads); executions per second from the scheduler's start until every task
 * ran. db-scheduler has no lock-and-fetch for H2 (its generic JDBC customization supports neither
 * lock-and-fetch variant), so H2 gets no figure.
 */
final class DbSchedulerRun {
  static final double LOWER_FRACTION = 0.5;
  static final double UPPER_FRACTION = 3.0;
  static final Duration GIVE_UP = Duration.ofMinutes(5);

  private DbSchedulerRun() {}

  /** Empty for a database db-scheduler cannot lock-and-fetch on (H2). */
  static Optional<Measurement> run(
      BenchDatabase db, DataSource ds, int threads, int warmUpTasks, int tasks)
      throws SQLException {
    if (db.kind() == BenchDatabase.Kind.H2) {
      return Optional.empty();
    }
    DbSchedulerTable.create(ds, db.kind());
    round(ds, threads, "warm-up", warmUpTasks);
    return Optional.of(round(ds, threads, "measured", tasks));
  }

  private static Measurement round(DataSource ds, int threads, String name, int tasks) {
    CountDownLatch ran = new CountDownLatch(tasks);
    OneTimeTask<Void> noop =
        Tasks.oneTime("noop-" + name).execute((instance, context) -> ran.countDown());
    SchedulerClient client =
        SchedulerClient.Builder.create(ds, noop).tableName(DbSchedulerTable.NAME).build();
    List<TaskInstance<?>> instances = new ArrayList<>(tasks);
    for (int i = 0; i < tasks; i++) {
      instances.add(noop.instance(name + "-" + i));
    }
    client.scheduleBatch(instances, Instant.now());
    Scheduler scheduler =
        Scheduler.create(ds, noop)
            .tableName(DbSchedulerTable.NAME)
            .threads(threads)
            .pollUsingLockAndFetch(LOWER_FRACTION, UPPER_FRACTION)
            .build();
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
          "db-scheduler executions (lock-and-fetch)",
          threads,
          tasks,
          seconds,
          loadStart,
          LoadAverage.now(),
          "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("db-scheduler run interrupted", e);
    } finally {
      scheduler.stop();
    }
  }
}
