package dev.dialkit.provider.bolna.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The few REST calls the provider makes ({@code POST /call}, {@code GET /executions/{id}}, {@code
 * POST /call/{id}/stop}), asynchronously, with the API key as a bearer token, never retried ({@link
 * ProviderHttp#send}). Holds the Authorization header, a secret: it is in no message and no {@code
 * toString}.
 */
public final class BolnaHttp {
  /** {@code POST}: places a call. */
  public static final String CALL_PATH = "/call";

  private final String provider;
  private final HttpClient client;
  private final URI baseUrl;
  private final String authorization;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();

  public BolnaHttp(
      String provider, HttpClient client, URI baseUrl, String apiKey, Duration timeout) {
    this.provider = provider;
    this.client = client;
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + apiKey;
    this.timeout = timeout;
  }

  /** {@code /executions/{execution_id}}. */
  public static String executionPath(String executionId) {
    return "/executions/" + segment(executionId);
  }

  /** {@code /call/{execution_id}/stop}. */
  public static String stopPath(String executionId) {
    return CALL_PATH + "/" + segment(executionId) + "/stop";
  }

  /** POSTs a JSON body ({@code null}: none). */
  public CompletableFuture<HttpResponse<String>> postJson(String path, Object body, String action) {
    String text;
    try {
      text = body == null ? "" : json.writeValueAsString(body);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              provider,
              action + ": body not serialisable",
              0,
              null,
              FailureReason.PROVIDER_ERROR,
              false,
              false,
              e));
    }
    HttpRequest.Builder request = request(path);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return ProviderHttp.send(
        client,
        request.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
        provider,
        action);
  }

  public CompletableFuture<HttpResponse<String>> get(String path, String action) {
    return ProviderHttp.send(client, request(path).GET().build(), provider, action);
  }

  /** The exception for a non-2xx response. */
  public ProviderException error(String action, HttpResponse<String> response) {
    return BolnaErrors.fromResponse(
        provider, action, response.statusCode(), response.body(), readOrNull(response.body()));
  }

  /** The body as a JSON object, or a permanent failure naming {@code action}. */
  public JsonNode readObject(String action, HttpResponse<String> response) {
    JsonNode node = readOrNull(response.body());
    if (node == null || !node.isObject()) {
      throw new ProviderException(
          provider,
          action + ": response is not a JSON object",
          response.statusCode(),
          null,
          FailureReason.PROVIDER_ERROR,
          false,
          false,
          null);
    }
    return node;
  }

  /** The body as JSON, or {@code null} if it is empty or not JSON. */
  public JsonNode readOrNull(String body) {
    return BolnaJson.readOrNull(json, body);
  }

  private static String segment(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a Bolna execution id must not be blank");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  @Override
  public String toString() {
    return "BolnaHttp[baseUrl=" + baseUrl + "]";
  }
}
