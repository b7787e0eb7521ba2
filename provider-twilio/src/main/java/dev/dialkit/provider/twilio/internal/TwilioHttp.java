package dev.dialkit.provider.twilio.internal;

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
 * The few REST calls the provider makes, asynchronously, with Basic auth, and with every transport
 * failure turned into a classified {@link ProviderException}. Never retries. Holds the
 * Authorization header, a secret: it is in no message and no {@code toString}.
 */
public final class TwilioHttp {
  private final String provider;
  private final HttpClient client;
  private final URI baseUrl;
  private final String accountSid;
  private final String authorization;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();

  public TwilioHttp(
      String provider,
      HttpClient client,
      URI baseUrl,
      String accountSid,
      String authorization,
      Duration timeout) {
    this.provider = provider;
    this.client = client;
    this.baseUrl = baseUrl;
    this.accountSid = accountSid;
    this.authorization = authorization;
    this.timeout = timeout;
  }

  /** {@code /2010-04-01/Accounts/{AccountSid}/Calls} followed by {@code suffix}. */
  public String callsPath(String suffix) {
    return "/2010-04-01/Accounts/" + accountSid + "/Calls" + suffix;
  }

  /** The path of one Call resource. */
  public String callPath(String sid) {
    return callsPath("/" + URLEncoder.encode(sid, StandardCharsets.UTF_8) + ".json");
  }

  /** POSTs a form; the stage fails with a classified exception if no response came. */
  public CompletableFuture<HttpResponse<String>> post(String path, String form, String action) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
            .build(),
        action);
  }

  /** GETs a resource; the stage fails with a classified exception if no response came. */
  public CompletableFuture<HttpResponse<String>> get(String path, String action) {
    return send(request(path).GET().build(), action);
  }

  /** The exception for a non-2xx response. */
  public ProviderException error(String action, HttpResponse<String> response) {
    return TwilioErrors.fromResponse(
        provider, action, response.statusCode(), response.body(), json);
  }

  /** The body as a JSON object. */
  public JsonNode readObject(String action, String body) {
    JsonNode node = readOrNull(body);
    if (node == null || !node.isObject()) {
      throw new ProviderException(
          provider,
          action + ": response is not a JSON object",
          200,
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

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Authorization", authorization)
        .header("Accept", "application/json");
  }

  private CompletableFuture<HttpResponse<String>> send(HttpRequest request, String action) {
    return ProviderHttp.send(client, request, provider, action);
  }

  @Override
  public String toString() {
    return "TwilioHttp[baseUrl=" + baseUrl + ", accountSid=" + accountSid + "]";
  }
}
