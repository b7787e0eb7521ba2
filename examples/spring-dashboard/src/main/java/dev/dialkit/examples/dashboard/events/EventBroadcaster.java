package dev.dialkit.examples.dashboard.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.DialkitListener;
import dev.dialkit.campaign.TenantId;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds Dialkit's events to the browsers on {@code /api/events}. As a {@link DialkitListener} it
 * runs on the dialer's listener thread, which it never blocks: each event is turned into JSON once
 * (with the app's ObjectMapper, so ids are strings and numbers masked) and offered to the bounded
 * queue of every subscriber of its tenant; sender threads write the queues out. A subscriber whose
 * queue is full is dropped. A tenant only ever sees its own events.
 */
public class EventBroadcaster implements DialkitListener, AutoCloseable {
  /** Threads writing the streams out: a slow socket holds one of them, never the dialer. */
  private static final int SENDERS = 2;

  private static final Logger log = LoggerFactory.getLogger(EventBroadcaster.class);

  private final ObjectMapper json;
  private final EventStreamSettings settings;
  private final ExecutorService senders;
  private final ScheduledExecutorService heartbeat;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

  public EventBroadcaster(ObjectMapper json, EventStreamSettings settings) {
    this.json = json;
    this.settings = settings;
    this.senders = Executors.newFixedThreadPool(SENDERS, daemon("dashboard-sse-"));
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(daemon("dashboard-sse-ping-"));
    long every = settings.heartbeat().toMillis();
    heartbeat.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
  }

  /** Ends every stream and stops the threads. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    subscribers.forEach(
        s -> {
          remove(s);
          s.close(); // quietly: every stream ends at shutdown
        });
    senders.shutdownNow();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Adds a subscriber and greets it with a comment, which sends the response headers at once: a
   * browser's EventSource reports the stream open only then. False if there are already {@code
   * maxSubscribers}.
   */
  boolean add(Subscriber subscriber) {
    if (subscribers.size() >= settings.maxSubscribers() || !subscribers.add(subscriber)) {
      return false;
    }
    publish(subscriber, new Subscriber.Frame(null, "connected"));
    return true;
  }

  void remove(Subscriber subscriber) {
    subscribers.remove(subscriber);
  }

  int subscriberCount() {
    return subscribers.size();
  }

  @Override
  public void onEvent(DialkitEvent event) {
    TenantId tenant = null;
    CampaignId campaign = null;
    if (event instanceof DialkitEvent.ScopedEvent scoped) {
      tenant = scoped.tenant();
      campaign = scoped.campaignId();
    } else if (event instanceof DialkitEvent.CallerIdRested rested) {
      tenant = rested.tenant();
    } else if (event instanceof DialkitEvent.CallerIdRestored restored) {
      tenant = restored.tenant();
    }
    Subscriber.Frame frame = null;
    for (Subscriber subscriber : subscribers) {
      if (!subscriber.wants(tenant, campaign)) {
        continue;
      }
      if (frame == null) {
        frame = frame(event);
        if (frame == null) {
          return;
        }
      }
      publish(subscriber, frame);
    }
  }

  /**
   * Sends a comment to every subscriber: keeps proxies from closing idle streams, finds dead ones.
   */
  void heartbeat() {
    Subscriber.Frame ping = new Subscriber.Frame(null, "ping");
    subscribers.forEach(s -> publish(s, ping));
  }

  private void publish(Subscriber subscriber, Subscriber.Frame frame) {
    if (!subscriber.offer(frame)) {
      drop(subscriber, "its queue of " + settings.queueCapacity() + " events is full");
      return;
    }
    if (subscriber.claimDrain()) {
      try {
        senders.execute(() -> drain(subscriber));
      } catch (RejectedExecutionException e) {
        drop(subscriber, "the app is shutting down");
      }
    }
  }

  private void drain(Subscriber subscriber) {
    try {
      while (subscriber.drain()) {
        // more arrived while writing; this thread keeps the drain
      }
    } catch (IOException | IllegalStateException e) {
      // the browser went away (or the emitter completed): nothing to report beyond a debug line
      log.debug("event stream of tenant {} closed: {}", subscriber.tenant(), e.toString());
      remove(subscriber);
      subscriber.close();
    }
  }

  private void drop(Subscriber subscriber, String why) {
    remove(subscriber);
    if (subscriber.close()) {
      log.info("event stream of tenant {} dropped: {}", subscriber.tenant(), why);
    }
  }

  private Subscriber.Frame frame(DialkitEvent event) {
    try {
      return new Subscriber.Frame(event.getClass().getSimpleName(), json.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      log.warn(
          "event {} not streamed: it could not be written as JSON",
          event.getClass().getSimpleName(),
          e);
      return null;
    }
  }
}
