package dev.dialkit.testkit;

import dev.dialkit.campaign.spi.TaskScheduler;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A {@link TaskScheduler} that runs nothing until a test drives it. Tasks wait in a queue ordered
 * by due instant, then by the order they were added; the driver methods ({@link #runDue}, {@link
 * #advance}, {@link #runUntilIdle}, {@link #runUntil}) run them one at a time on the calling thread
 * and move the {@link VirtualClock} to each task's due instant before running it.
 *
 * <p>Any thread may add or cancel tasks at any time. Drivers are serialised: a second thread
 * driving waits for the first, and a task that calls a driver gets an {@link
 * IllegalStateException}.
 *
 * <p>Failures are never swallowed: if a task throws, the driver records the exception (see {@link
 * #failures()}), stops, and throws a {@link ScheduledTaskFailure} with it as the cause. Tasks not
 * yet run stay queued, so a test that expects the failure can catch it and keep driving.
 *
 * <p>Every driver call runs at most {@link #maxTasksPerDrive()} tasks (default {@value
 * #DEFAULT_MAX_TASKS_PER_DRIVE}) and throws {@link IllegalStateException} past that, so a task that
 * keeps rescheduling itself fails the test instead of hanging it.
 */
public final class ManualScheduler implements TaskScheduler, Executor {
  /** The default of {@link #maxTasksPerDrive()}. */
  public static final int DEFAULT_MAX_TASKS_PER_DRIVE = 10_000_000;

  private static final Comparator<Task> ORDER =
      Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.seq);

  private final VirtualClock clock;
  private final int maxTasksPerDrive;
  private final Object lock = new Object();
  private final TreeSet<Task> queue = new TreeSet<>(ORDER);
  private final List<Throwable> failures = new ArrayList<>();
  private final ReentrantLock driving = new ReentrantLock();
  private long nextSeq;
  private long tasksRun;

  /** A scheduler on {@code clock} with the default guard. */
  public ManualScheduler(VirtualClock clock) {
    this(clock, DEFAULT_MAX_TASKS_PER_DRIVE);
  }

  /**
   * A scheduler on {@code clock} whose drivers each run at most {@code maxTasksPerDrive} tasks.
   *
   * @throws IllegalArgumentException if {@code maxTasksPerDrive < 1}
   */
  public ManualScheduler(VirtualClock clock, int maxTasksPerDrive) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxTasksPerDrive < 1) {
      throw new IllegalArgumentException("maxTasksPerDrive must be >= 1, was " + maxTasksPerDrive);
    }
    this.maxTasksPerDrive = maxTasksPerDrive;
  }

  /** The clock this scheduler moves. */
  public VirtualClock clock() {
    return clock;
  }

  /** The most tasks one driver call runs before it throws. */
  public int maxTasksPerDrive() {
    return maxTasksPerDrive;
  }

  /** Queues {@code task} as due now; it runs at the next driver call. */
  @Override
  public void execute(Runnable task) {
    enqueue(task, clock.instant());
  }

  /**
   * Queues {@code task} as due {@code delay} from now.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must be >= 0, was " + delay);
    }
    Instant now = clock.instant();
    Instant due;
    try {
      due = now.plus(delay);
    } catch (DateTimeException | ArithmeticException e) {
      due = Instant.MAX; // a delay past the end of time: it only runs in runUntilIdle
    }
    return enqueue(task, due);
  }

  private Cancellable enqueue(Runnable task, Instant due) {
    Objects.requireNonNull(task, "task");
    synchronized (lock) {
      Task t = new Task(task, due, nextSeq++);
      queue.add(t);
      return () -> {
        synchronized (lock) {
          queue.remove(t);
        }
      };
    }
  }

  /**
   * Runs every task due at the current instant, including tasks those tasks add for now, without
   * moving the clock.
   *
   * @return how many tasks ran
   */
  public int runDue() {
    return drive("runDue", () -> clock.instant(), null);
  }

  /**
   * Runs the first task due at the current instant or earlier (one task, not those it adds),
   * without moving the clock. For drivers that interleave several schedulers task by task.
   *
   * @return whether a task ran
   */
  public boolean runOne() {
    if (driving.isHeldByCurrentThread()) {
      throw new IllegalStateException("runOne called from a task this scheduler is running");
    }
    driving.lock();
    try {
      Task next = pollDue(clock.instant());
      if (next == null) {
        return false;
      }
      run(next);
      return true;
    } finally {
      driving.unlock();
    }
  }

  /** Whether a task is due at the current instant or earlier. */
  public boolean hasDue() {
    Instant next = nextDue();
    return next != null && !next.isAfter(clock.instant());
  }

  /** Whether this scheduler is running a task on the calling thread right now. */
  public boolean isRunningTaskOnThisThread() {
    return driving.isHeldByCurrentThread();
  }

  /**
   * Runs, in due order, every task due within {@code duration} from now (including tasks those
   * tasks add within it), moving the clock to each task's due instant; then moves the clock to now
   * plus {@code duration}.
   *
   * @return how many tasks ran
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public int advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must be >= 0, was " + duration);
    }
    Instant target = clock.instant().plus(duration);
    int ran = drive("advance", () -> target, null);
    clock.moveForwardTo(target);
    return ran;
  }

  /**
   * Runs every task, future ones too, moving the clock to each one's due instant, until the queue
   * is empty.
   *
   * @return how many tasks ran
   * @throws IllegalStateException if more than {@link #maxTasksPerDrive()} tasks would run
   */
  public int runUntilIdle() {
    return drive("runUntilIdle", () -> Instant.MAX, null);
  }

  /**
   * Like {@link #runUntilIdle()}, but stops as soon as {@code done} is true (checked before the
   * first task and after each one).
   *
   * @return how many tasks ran
   * @throws IllegalStateException if the queue empties while {@code done} is still false, or more
   *     than {@link #maxTasksPerDrive()} tasks would run
   */
  public int runUntil(BooleanSupplier done) {
    Objects.requireNonNull(done, "done");
    return drive("runUntil", () -> Instant.MAX, done);
  }

  private int drive(String driver, Supplier<Instant> horizon, BooleanSupplier done) {
    if (driving.isHeldByCurrentThread()) {
      throw new IllegalStateException(driver + " called from a task this scheduler is running");
    }
    driving.lock();
    try {
      int ran = 0;
      while (done == null || !done.getAsBoolean()) {
        Task next = pollDue(horizon.get());
        if (next == null) {
          if (done != null) {
            throw new IllegalStateException(
                "runUntil: no task left after "
                    + ran
                    + " tasks, at "
                    + clock.instant()
                    + ", and the condition is still false");
          }
          break;
        }
        if (ran == maxTasksPerDrive) {
          requeue(next);
          throw new IllegalStateException(
              driver
                  + " ran "
                  + ran
                  + " tasks (maxTasksPerDrive) and the queue is still not"
                  + " done; does a task keep rescheduling itself?");
        }
        run(next);
        ran++;
      }
      return ran;
    } finally {
      driving.unlock();
    }
  }

  private Task pollDue(Instant horizon) {
    synchronized (lock) {
      Task first = queue.isEmpty() ? null : queue.first();
      if (first == null || first.due.isAfter(horizon)) {
        return null;
      }
      return queue.pollFirst();
    }
  }

  private void requeue(Task task) {
    synchronized (lock) {
      queue.add(task);
    }
  }

  private void run(Task task) {
    long number;
    synchronized (lock) {
      number = ++tasksRun;
    }
    if (!task.due.equals(Instant.MAX)) {
      clock.moveForwardTo(task.due);
    }
    try {
      task.runnable.run();
    } catch (Throwable t) {
      synchronized (lock) {
        failures.add(t);
      }
      throw new ScheduledTaskFailure(number, task.due, t);
    }
  }

  /** How many tasks are queued (not run, not cancelled). */
  public int pending() {
    synchronized (lock) {
      return queue.size();
    }
  }

  /** How many tasks have run since this scheduler was made, failed ones included. */
  public long tasksRun() {
    synchronized (lock) {
      return tasksRun;
    }
  }

  /** The exceptions tasks have thrown, oldest first. */
  public List<Throwable> failures() {
    synchronized (lock) {
      return List.copyOf(failures);
    }
  }

  /** The due instant of the next task, or {@code null} if none is queued. */
  public Instant nextDue() {
    synchronized (lock) {
      return queue.isEmpty() ? null : queue.first().due;
    }
  }

  private static final class Task {
    final Runnable runnable;
    final Instant due;
    final long seq;

    Task(Runnable runnable, Instant due, long seq) {
      this.runnable = runnable;
      this.due = due;
      this.seq = seq;
    }
  }
}
