package dev.dialkit.examples.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.openqa.selenium.support.ui.FluentWait;

/** The API over real HTTP, as a client of the running app sees it. */
public final class Http {
  /** How long a test waits for the demo to reach a state before it fails. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;

  public Http(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response: status, headers and the body as JSON (null when empty or not JSON). */
  public record Response(int status, HttpResponse<String> raw, JsonNode json) {
    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Response get(String tenant, String path) {
    return send(tenant, path, "GET", null, null);
  }

  public Response post(String tenant, String path) {
    return send(tenant, path, "POST", null, null);
  }

  public Response postJson(String tenant, String path, String json) {
    return send(tenant, path, "POST", "application/json", json);
  }

  public Response postCsv(String tenant, String path, String csv) {
    return send(tenant, path, "POST", "text/csv", csv);
  }

  public Response send(String tenant, String path, String method, String type, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (tenant != null) {
      request.header("X-Dialkit-Tenant", tenant);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response, parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return body.isEmpty() ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }

  /**
   * Polls {@code path} until its JSON satisfies {@code condition}, for at most {@link #PATIENCE},
   * with Selenium's {@link FluentWait}: against a real server there is no clock to move, only a
   * condition to wait for.
   */
  public JsonNode await(String tenant, String path, Predicate<JsonNode> condition) {
    return new FluentWait<>(this)
        .withTimeout(PATIENCE)
        .pollingEvery(Duration.ofMillis(100))
        .withMessage(() -> "waiting on " + path + "; last answer: " + get(tenant, path).body())
        .until(
            http -> {
              JsonNode json = http.get(tenant, path).json();
              return json != null && condition.test(json) ? json : null;
            });
  }
}
