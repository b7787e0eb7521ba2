package dev.dialkit.examples.crash;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * One call at the fake Twilio: what the create request asked for, and its life. It is live from the
 * moment the create request arrived until it reached a terminal status, and {@link #createdNanos}
 * and {@link #endedNanos} (one JVM's {@code System.nanoTime}) bound that interval for the "never
 * two live calls per lead" check.
 */
final class FakeCall {
  static final Set<String> TERMINAL =
      Set.of("completed", "busy", "no-answer", "failed", "canceled");

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
          .withZone(ZoneOffset.UTC);

  final String sid;
  final String callId;
  final String to;
  final String from;
  final URI statusCallback;
  final Set<String> events;
  final Instant createdAt;
  final long createdNanos;

  private String status = "queued";
  private Instant startedAt;
  private Instant answeredAt;
  private Instant endedAt;
  private long endedNanos = Long.MAX_VALUE;
  private long sequence;

  FakeCall(
      String sid, String callId, String to, String from, URI statusCallback, Set<String> events) {
    this.sid = sid;
    this.callId = callId;
    this.to = to;
    this.from = from;
    this.statusCallback = statusCallback;
    this.events = Set.copyOf(events);
    this.createdAt = Instant.now();
    this.createdNanos = System.nanoTime();
  }

  /**
   * Moves the call to a status named as Twilio's callbacks name it; {@code false} if it has ended
   * already (a hang-up overtook its script). {@code initiated} leaves the REST status {@code
   * queued}: the Call resource has no {@code initiated}.
   */
  synchronized boolean moveTo(String callbackStatus) {
    if (endedAt != null) {
      return false;
    }
    Instant now = Instant.now();
    switch (callbackStatus) {
      case "initiated" -> {}
      case "ringing" -> startedAt = now;
      case "in-progress" -> answeredAt = now;
      default -> {
        if (!TERMINAL.contains(callbackStatus)) {
          throw new IllegalArgumentException(callbackStatus);
        }
        // the end is recorded before its callback goes out, so a call placed in answer to that
        // callback can never look as if it overlapped this one
        endedNanos = System.nanoTime();
        endedAt = now;
      }
    }
    if (!callbackStatus.equals("initiated")) {
      status = callbackStatus;
    }
    return true;
  }

  /**
   * Whether the create request subscribed to the callback of this status ({@code
   * StatusCallbackEvent}).
   */
  boolean wants(String callbackStatus) {
    String event =
        switch (callbackStatus) {
          case "initiated", "ringing" -> callbackStatus;
          case "in-progress" -> "answered";
          default -> "completed";
        };
    return events.contains(event);
  }

  synchronized boolean isLive() {
    return endedAt == null;
  }

  synchronized long endedNanos() {
    return endedNanos;
  }

  synchronized String status() {
    return status;
  }

  /** Twilio numbers the callbacks of a call from 0. */
  synchronized long nextSequence() {
    return sequence++;
  }

  /** Whole seconds from answer to end, as Twilio's {@code CallDuration} and {@code duration}. */
  synchronized long durationSeconds() {
    return answeredAt == null || endedAt == null
        ? 0
        : Math.round(Duration.between(answeredAt, endedAt).toMillis() / 1000.0);
  }

  /** The Call resource, with the fields Twilio documents (api.v2010.account.call). */
  synchronized ObjectNode resource(String accountSid) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    String uri = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + sid;
    n.put("account_sid", accountSid);
    n.putNull("annotation");
    n.putNull("answered_by");
    n.put("api_version", "2010-04-01");
    n.putNull("caller_name");
    n.put("date_created", rfc2822(createdAt));
    n.put("date_updated", rfc2822(endedAt != null ? endedAt : Instant.now()));
    n.put("direction", "outbound-api");
    if (endedAt != null) {
      n.put("duration", Long.toString(durationSeconds()));
    } else {
      n.putNull("duration");
    }
    n.put("end_time", endedAt == null ? null : rfc2822(endedAt));
    n.putNull("forwarded_from");
    n.put("from", from);
    n.put("from_formatted", from);
    n.putNull("group_sid");
    n.putNull("parent_call_sid");
    n.putNull("phone_number_sid");
    n.putNull("price");
    n.put("price_unit", "USD");
    n.put("queue_time", "0");
    n.put("sid", sid);
    n.put("start_time", startedAt == null ? null : rfc2822(startedAt));
    n.put("status", status);
    ObjectNode sub = n.putObject("subresource_uris");
    sub.put("notifications", uri + "/Notifications.json");
    sub.put("recordings", uri + "/Recordings.json");
    n.put("to", to);
    n.put("to_formatted", to);
    n.putNull("trunk_sid");
    n.put("uri", uri + ".json");
    return n;
  }

  /** Twilio's time format: {@code Mon, 03 Mar 2025 10:00:01 +0000}. */
  static String rfc2822(Instant at) {
    return RFC_2822.format(at);
  }

  @Override
  public synchronized String toString() {
    return sid + "[" + callId + " to " + to + ", " + status + "]";
  }
}
