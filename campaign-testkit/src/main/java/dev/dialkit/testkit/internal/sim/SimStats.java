package dev.dialkit.testkit.internal.sim;

import java.util.ArrayList;
import java.util.List;

/** What a simulation run did: how many tasks, and how many of each fault. */
public final class SimStats {
  public long tasks;
  public long storeOps;
  public long timelineTasks;
  public long providerTasks;
  public long failedBefore;
  public long ackLost;
  public long interleavings;
  public long freezes;
  public long crashes;
  public long outages;
  public long webhooksUnanswered;
  public long operatorActions;
  public final List<Throwable> taskFailures = new ArrayList<>();

  @Override
  public String toString() {
    return tasks
        + " tasks ("
        + providerTasks
        + " provider, "
        + timelineTasks
        + " world), "
        + storeOps
        + " store operations; faults: "
        + failedBefore
        + " failed before the store, "
        + ackLost
        + " answers lost after commit, "
        + interleavings
        + " interleaved tasks, "
        + freezes
        + " freezes, "
        + crashes
        + " crashes, "
        + outages
        + " outages, "
        + webhooksUnanswered
        + " webhooks with no instance up; "
        + operatorActions
        + " operator actions";
  }
}
