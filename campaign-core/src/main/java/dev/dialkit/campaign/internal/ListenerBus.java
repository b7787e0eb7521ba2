package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.DialkitListener;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to listeners off the caller's thread. Each listener has its own bounded queue
 * drained one event at a time, so events reach it in order, a slow listener delays only itself and
 * its exceptions reach no one else. When a queue is full the oldest event is dropped (a dashboard
 * wants the newest state) and the drop is logged.
 */
final class ListenerBus {
  private static final Logger log = LoggerFactory.getLogger(ListenerBus.class);
  private static final int BATCH = 256;

  private final List<Queue> queues;

  ListenerBus(List<DialkitListener> listeners, Executor executor, int capacity) {
    this.queues = listeners.stream().map(l -> new Queue(l, executor, capacity)).toList();
  }

  void publish(DialkitEvent event) {
    for (Queue queue : queues) {
      queue.offer(event);
    }
  }

  private static final class Queue {
    private final DialkitListener listener;
    private final Executor executor;
    private final int capacity;
    private final ArrayDeque<DialkitEvent> events = new ArrayDeque<>();
    private boolean draining;
    private long dropped;

    Queue(DialkitListener listener, Executor executor, int capacity) {
      this.listener = listener;
      this.executor = executor;
      this.capacity = capacity;
    }

    void offer(DialkitEvent event) {
      boolean start;
      synchronized (this) {
        if (events.size() >= capacity) {
          events.pollFirst();
          if (dropped++ % 1000 == 0) {
            log.warn("listener {} is too slow: {} events dropped so far", listener, dropped);
          }
        }
        events.addLast(event);
        start = !draining;
        draining = true;
      }
      if (start) {
        run(this::drain);
      }
    }

    // a host executor shut down (the dialer closing while a webhook still comes in) refuses the
    // task: the event is dropped, never the caller's answer to the provider
    private void run(Runnable task) {
      try {
        executor.execute(task);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        synchronized (this) {
          events.clear();
          draining = false;
        }
        log.debug("listener executor closed; events for {} dropped", listener);
      }
    }

    private void drain() {
      for (int i = 0; i < BATCH; i++) {
        DialkitEvent event;
        synchronized (this) {
          event = events.pollFirst();
          if (event == null) {
            draining = false;
            return;
          }
        }
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          log.warn("listener {} failed on {}", listener, event.getClass().getSimpleName(), e);
        }
      }
      // yield the thread to other listeners, then continue
      run(this::drain);
    }
  }
}
