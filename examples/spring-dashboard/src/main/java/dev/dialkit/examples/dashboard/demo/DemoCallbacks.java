package dev.dialkit.examples.dashboard.demo;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the demo provider's callbacks over HTTP, as a provider does: a 5xx or a failed connection
 * is sent again up to {@value #MAX_ATTEMPTS} times with a doubling backoff, a 4xx is not (the app
 * said no). Log lines name the call, never the URL: it carries Dialkit's token.
 */
final class DemoCallbacks {
  private static final Logger log = LoggerFactory.getLogger(DemoCallbacks.class);
  static final int MAX_ATTEMPTS = 4;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final ScheduledExecutorService timer;

  DemoCallbacks(HttpClient http, ScheduledExecutorService timer) {
    this.http = http;
    this.timer = timer;
  }

  /** Posts {@code body} for {@code call}; {@code delivered} runs once the app answered 2xx. */
  void post(DemoCall call, String body, Runnable delivered) {
    attempt(call, body, delivered, 1);
  }

  private void attempt(DemoCall call, String body, Runnable delivered, int attempt) {
    HttpRequest request =
        HttpRequest.newBuilder(call.callbackUrl())
            .timeout(TIMEOUT)
            .header("Content-Type", DemoWebhookForm.FORM)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              int status = response == null ? 0 : response.statusCode();
              if (status >= 200 && status < 300) {
                delivered.run();
              } else if (status >= 400 && status < 500) {
                log.warn("demo callback for call {} refused with {}", call.callId(), status);
              } else if (attempt < MAX_ATTEMPTS && !timer.isShutdown()) {
                long delay = FIRST_BACKOFF.toMillis() << (attempt - 1);
                log.debug(
                    "demo callback for call {} failed ({}), again in {} ms",
                    call.callId(),
                    error != null ? error.getClass().getSimpleName() : status,
                    delay);
                try {
                  timer.schedule(
                      () -> attempt(call, body, delivered, attempt + 1),
                      delay,
                      TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException shutDown) {
                  log.debug("demo callback for call {} dropped: shutting down", call.callId());
                }
              } else {
                log.warn(
                    "demo callback for call {} given up after {} attempts", call.callId(), attempt);
              }
            });
  }
}
