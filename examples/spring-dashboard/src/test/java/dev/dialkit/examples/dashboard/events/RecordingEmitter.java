package dev.dialkit.examples.dashboard.events;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An emitter that records the events it was asked to send (comments aside), optionally holding
 * every send until released (a browser that stopped reading), and whether it was completed.
 */
class RecordingEmitter extends SseEmitter {
  final List<String> frames = new CopyOnWriteArrayList<>();
  final CountDownLatch completed = new CountDownLatch(1);
  private final Semaphore sent = new Semaphore(0);
  private final CountDownLatch release;

  RecordingEmitter(boolean stuck) {
    this.release = new CountDownLatch(stuck ? 1 : 0);
  }

  @Override
  public void send(SseEventBuilder builder) throws IOException {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    StringBuilder frame = new StringBuilder();
    builder.build().forEach(part -> frame.append(part.getData()));
    if (frame.charAt(0) == ':') {
      return; // a comment (the greeting, a heartbeat): not an event
    }
    frames.add(frame.toString());
    sent.release();
  }

  /** Waits until {@code count} more frames were sent; false if they were not within 5 s. */
  boolean awaitFrames(int count) throws InterruptedException {
    return sent.tryAcquire(count, 5, TimeUnit.SECONDS);
  }

  @Override
  public void complete() {
    completed.countDown();
  }

  void release() {
    release.countDown();
  }
}
