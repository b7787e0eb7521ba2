package dev.dialkit.provider.plivo.internal;

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
 * The few REST calls the provider makes under {@code /v1/Account/{auth_id}/}, asynchronously, with
 * Basic auth, never retried ({@link ProviderHttp#send}). Holds the Authorization header, a secret:
 * it is in no message and no {@code toString}.
 */
public final class PlivoHttp {
  private final String provider;
  private final HttpClient client;
  private final URI baseUrl;
  private final String authId;
  private final String authorization;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();

  public PlivoHttp(
      String provider,
      HttpClient client,
      URI baseUrl,
      String authId,
      String authorization,
      Duration timeout) {
    this.provider = provider;
    this.client = client;
    this.baseUrl = baseUrl;
    this.authId = authId;
    this.authorization = authorization;
    this.timeout = timeout;
  }

  /** {@code /v1/Account/{auth_id}/Call/}: create (POST) and list (GET). */
  public String callsPath() {
    return "/v1/Account/" + authId + "/Call/";
  }

  /**
   * {@code /v1/Account/{auth_id}/Call/{call_uuid}/}. A blank id is refused: {@code DELETE Call/}
   * without one hangs up every call of the account.
   */
  public String callPath(String callUuid) {
    return callsPath() + segment(callUuid) + "/";
  }

  /** {@code /v1/Account/{auth_id}/Request/{request_uuid}/}. */
  public String requestPath(String requestUuid) {
    return "/v1/Account/" + authId + "/Request/" + segment(requestUuid) + "/";
  }

  /** POSTs a JSON body. */
  public CompletableFuture<HttpResponse<String>> postJson(String path, Object body, String action) {
    String text;
    try {
      text = json.writeValueAsString(body);
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
    return ProviderHttp.send(
        client,
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
            .build(),
        provider,
        action);
  }

  public CompletableFuture<HttpResponse<String>> get(String path, String action) {
    return ProviderHttp.send(client, request(path).GET().build(), provider, action);
  }

  public CompletableFuture<HttpResponse<String>> delete(String path, String action) {
    return ProviderHttp.send(client, request(path).DELETE().build(), provider, action);
  }

  /** The exception for a non-2xx response. */
  public ProviderException error(String action, HttpResponse<String> response) {
    return PlivoErrors.fromResponse(
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
    try {
      return body == null || body.isBlank() ? null : json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** A field's text, or {@code null} if missing, null or blank. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static String segment(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a Plivo id must not be blank");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  @Override
  public String toString() {
    return "PlivoHttp[baseUrl=" + baseUrl + ", authId=" + authId + "]";
  }
}
