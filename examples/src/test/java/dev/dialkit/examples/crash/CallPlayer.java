package dev.dialkit.examples.crash;

import dev.dialkit.examples.crash.KillSwitch.Point;
import dev.dialkit.provider.twilio.TwilioSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays each accepted call out in real time and posts its status callbacks, signed as Twilio signs
 * them, to the call's {@code StatusCallback} URL. A callback that cannot be delivered (the dialer
 * is dead) is dropped, never retried: real providers do not redeliver status callbacks reliably.
 */
final class CallPlayer implements AutoCloseable {
  /** One step of a call's script: after {@code delayMillis}, the call reaches {@code status}. */
  private record Step(long delayMillis, String status) {}

  private final String accountSid;
  private final TwilioSignature signature;
  private final KillSwitch killSwitch;
  private final Random random;
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "fake-twilio-callbacks");
            t.setDaemon(true);
            return t;
          });
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger lost = new AtomicInteger();
  private final Map<Integer, AtomicInteger> answered = new ConcurrentHashMap<>();

  CallPlayer(String accountSid, String authToken, KillSwitch killSwitch, long seed) {
    this.accountSid = accountSid;
    this.signature = new TwilioSignature(authToken);
    this.killSwitch = killSwitch;
    this.random = new Random(seed);
  }

  /** Starts the call's script: ring 100–400 ms, talk 200–1200 ms; 15 % busy, 15 % no answer. */
  void play(FakeCall call) {
    run(call, script(), 0);
  }

  /** Sends the terminal callback of a call a hang-up ended. */
  void ended(FakeCall call) {
    executor.execute(() -> deliver(call, call.status()));
  }

  private List<Step> script() {
    synchronized (random) {
      int roll = random.nextInt(100);
      Step initiated = new Step(10 + random.nextInt(40), "initiated");
      long ring = 100 + random.nextInt(301);
      if (roll < 15) {
        return List.of(initiated, new Step(ring, "busy"));
      }
      Step ringing = new Step(30, "ringing");
      if (roll < 30) {
        return List.of(initiated, ringing, new Step(ring, "no-answer"));
      }
      long talk = 200 + random.nextInt(1001);
      return List.of(
          initiated, ringing, new Step(ring, "in-progress"), new Step(talk, "completed"));
    }
  }

  private void run(FakeCall call, List<Step> script, int index) {
    if (index == script.size()) {
      return;
    }
    Step step = script.get(index);
    executor.schedule(
        () -> {
          if (call.moveTo(step.status())) {
            deliver(call, step.status());
            run(call, script, index + 1);
          }
        },
        step.delayMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The fields Twilio posts on a status callback. */
  private Map<String, List<String>> fields(FakeCall call, String status) {
    Map<String, List<String>> f = new TreeMap<>();
    f.put("AccountSid", List.of(accountSid));
    f.put("ApiVersion", List.of("2010-04-01"));
    f.put("CallSid", List.of(call.sid));
    f.put("CallStatus", List.of(status));
    f.put("CallbackSource", List.of("call-progress-events"));
    f.put("Called", List.of(call.to));
    f.put("Caller", List.of(call.from));
    f.put("Direction", List.of("outbound-api"));
    f.put("From", List.of(call.from));
    f.put("SequenceNumber", List.of(Long.toString(call.nextSequence())));
    f.put("Timestamp", List.of(FakeCall.rfc2822(Instant.now())));
    f.put("To", List.of(call.to));
    if (FakeCall.TERMINAL.contains(status)) {
      f.put("CallDuration", List.of(Long.toString(call.durationSeconds())));
    }
    return f;
  }

  private void deliver(FakeCall call, String status) {
    if (!call.wants(status)) {
      return;
    }
    Map<String, List<String>> fields = fields(call, status);
    byte[] body = Forms.encode(fields).getBytes(StandardCharsets.UTF_8);
    String what = status + " of " + call;
    HttpURLConnection c;
    try {
      c = (HttpURLConnection) call.statusCallback.toURL().openConnection();
      c.setConnectTimeout(2_000);
      c.setReadTimeout(10_000);
      c.setRequestMethod("POST");
      c.setDoOutput(true);
      // streaming: the request is written now (so the kill can land while the child handles it),
      // and HttpURLConnection cannot silently resend it
      c.setFixedLengthStreamingMode(body.length);
      c.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      c.setRequestProperty("User-Agent", "TwilioProxy/1.1");
      c.setRequestProperty(
          TwilioSignature.HEADER, signature.sign(call.statusCallback.toString(), fields));
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
    } catch (IOException e) {
      refused.incrementAndGet(); // nobody listens: the child is dead or not up yet
      return;
    }
    try {
      killSwitch.event(Point.CALLBACK_IN_FLIGHT, what);
      int code = c.getResponseCode();
      try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      answered.computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
      killSwitch.event(Point.CALLBACK_DELIVERED, what);
    } catch (IOException e) {
      lost.incrementAndGet(); // the child died while handling it
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      c.disconnect();
    }
  }

  /** Callbacks nobody accepted (connection refused). */
  int refused() {
    return refused.get();
  }

  /** Callbacks written to the child that it never answered. */
  int lost() {
    return lost.get();
  }

  /** How many callbacks the child answered, by HTTP status. */
  Map<Integer, Integer> answered() {
    Map<Integer, Integer> copy = new TreeMap<>();
    answered.forEach((code, n) -> copy.put(code, n.get()));
    return copy;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
