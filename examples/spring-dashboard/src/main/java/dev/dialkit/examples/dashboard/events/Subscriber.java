package dev.dialkit.examples.dashboard.events;

import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.TenantId;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser on the event stream: its tenant, optionally one campaign, and a bounded queue of
 * events waiting to be written. The dialer's listener thread only ever offers to the queue; a
 * sender thread writes it out. A client that lets the queue fill up is too slow and is dropped (its
 * browser reconnects and reloads the state).
 */
final class Subscriber {
  private final TenantId tenant;
  private final CampaignId campaign;
  private final SseEmitter emitter;
  private final BlockingQueue<Frame> queue;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  /** One SSE frame: its event name and JSON data, or a comment when {@code name} is null. */
  record Frame(String name, String data) {}

  Subscriber(TenantId tenant, CampaignId campaign, SseEmitter emitter, int capacity) {
    this.tenant = tenant;
    this.campaign = campaign;
    this.emitter = emitter;
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Whether this subscriber may see an event of {@code eventTenant} and {@code eventCampaign}. */
  boolean wants(TenantId eventTenant, CampaignId eventCampaign) {
    if (eventTenant == null) {
      return true; // not about any tenant's data (a provider's circuit breaker)
    }
    return tenant.equals(eventTenant)
        && (campaign == null || eventCampaign == null || campaign.equals(eventCampaign));
  }

  /** Queues a frame without blocking; false if the queue is full or the subscriber closed. */
  boolean offer(Frame frame) {
    return !closed.get() && queue.offer(frame);
  }

  /** Marks a drain as scheduled; false if one already is. */
  boolean claimDrain() {
    return scheduled.compareAndSet(false, true);
  }

  /** Writes out what is queued; returns whether more arrived meanwhile. */
  boolean drain() throws IOException {
    Frame frame;
    while ((frame = queue.poll()) != null) {
      if (frame.name() == null) {
        emitter.send(SseEmitter.event().comment(frame.data()));
      } else {
        emitter.send(SseEmitter.event().name(frame.name()).data(frame.data()));
      }
    }
    scheduled.set(false);
    // an offer between the last poll and the reset found the flag set: look again
    return !queue.isEmpty() && claimDrain();
  }

  /** Ends the stream; idempotent. Returns true the first time. */
  boolean close() {
    if (closed.compareAndSet(false, true)) {
      queue.clear();
      emitter.complete();
      return true;
    }
    return false;
  }

  TenantId tenant() {
    return tenant;
  }
}
