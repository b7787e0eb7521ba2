package dev.dialkit.examples.dashboard.demo;

import dev.dialkit.campaign.CallId;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/** One call the demo provider accepted: where its callbacks go, what it has sent, what is due. */
final class DemoCall {
  private final String sid;
  private final CallId callId;
  private final URI callbackUrl;
  private final List<Future<?>> pending = new ArrayList<>();
  private long sequence;
  private String lastBody;
  private Instant answeredAt;
  private boolean ended;

  DemoCall(String sid, CallId callId, URI callbackUrl) {
    this.sid = sid;
    this.callId = callId;
    this.callbackUrl = callbackUrl;
  }

  String sid() {
    return sid;
  }

  CallId callId() {
    return callId;
  }

  /** Carries Dialkit's token: never logged. */
  URI callbackUrl() {
    return callbackUrl;
  }

  synchronized void scheduled(Future<?> task) {
    pending.add(task);
  }

  /**
   * The body of {@code event} with its sequence number, or {@code null} if the call already ended
   * (a hang-up overtook the script).
   */
  synchronized String next(DemoEvent event, Instant now) {
    if (ended) {
      return null;
    }
    if (event.status().equals("in-progress")) {
      answeredAt = now;
    }
    ended = event.terminal();
    lastBody = DemoWebhookForm.encode(sid, sequence++, event, now);
    return lastBody;
  }

  /** Cancels what the script still had planned; the caller then sends the end it decides. */
  synchronized Instant stopScript() {
    pending.forEach(task -> task.cancel(false));
    pending.clear();
    return answeredAt;
  }

  synchronized String lastBody() {
    return lastBody;
  }
}
