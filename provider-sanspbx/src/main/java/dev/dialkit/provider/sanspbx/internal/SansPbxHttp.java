package dev.dialkit.provider.sanspbx.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The three requests the provider makes under the tenant's API root ({@code …/pbxadmin/sanpbxapi}):
 * {@code gentoken} with the static {@code Accesstoken} header (and HTTP Basic when configured),
 * then {@code dialcall} and {@code calldisconnect} with the cached {@code Apitoken}, all JSON, sent
 * once each ({@link ProviderHttp#send}). A request SansPBX answers 401 is sent once more with a
 * token generated afresh: 401 means it was not acted on. Holds secrets: they are in no message and
 * no {@code toString}.
 */
public final class SansPbxHttp {
  /** The static token header of {@code gentoken}. */
  public static final String ACCESS_TOKEN_HEADER = "Accesstoken";

  /** The header of every other request, carrying the generated token. */
  public static final String API_TOKEN_HEADER = "Apitoken";

  private final String provider;
  private final HttpClient client;
  private final URI apiRoot;
  private final String accessToken;
  private final String accessKey;
  private final String basicAuthorization;
  private final Duration timeout;
  private final SansPbxTokens tokens;

  /**
   * @param apiRoot the API root, without a trailing slash
   * @param basicAuthorization the {@code Authorization} header for {@code gentoken}, or {@code
   *     null} to send none
   */
  public SansPbxHttp(
      String provider,
      HttpClient client,
      URI apiRoot,
      String accessToken,
      String accessKey,
      String basicAuthorization,
      Duration timeout,
      Clock clock,
      ZoneId zone,
      Duration refreshMargin,
      Duration fallbackLifetime) {
    this.provider = provider;
    this.client = client;
    this.apiRoot = apiRoot;
    this.accessToken = accessToken;
    this.accessKey = accessKey;
    this.basicAuthorization = basicAuthorization;
    this.timeout = timeout;
    this.tokens =
        new SansPbxTokens(
            provider, this::generateToken, clock, zone, refreshMargin, fallbackLifetime);
  }

  /**
   * POSTs {@code body} as JSON to {@code endpoint} with the cached token; on 401, once more with a
   * new one. The stage completes with the last response, whatever its status; it fails if no token
   * could be had (then nothing was sent) or no response came.
   */
  public CompletableFuture<HttpResponse<String>> postWithToken(
      String endpoint, Map<String, ?> body, String action) {
    String json;
    try {
      json = SansPbxJson.write(body);
    } catch (JsonProcessingException e) {
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
    return tokens
        .token()
        .thenCompose(
            token ->
                post(endpoint, json, token, action)
                    .thenCompose(
                        response ->
                            response.statusCode() != 401
                                ? CompletableFuture.completedFuture(response)
                                : tokens
                                    .replace(token)
                                    .thenCompose(fresh -> post(endpoint, json, fresh, action))));
  }

  private CompletableFuture<HttpResponse<String>> post(
      String endpoint, String json, SansPbxTokens.Token token, String action) {
    HttpRequest request =
        request(endpoint)
            .header(API_TOKEN_HEADER, token.value())
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    return ProviderHttp.send(client, request, provider, action);
  }

  /** One {@code gentoken} request: {@code {"access_key": …}} with the {@code Accesstoken}. */
  CompletableFuture<HttpResponse<String>> generateToken() {
    String json;
    try {
      json = SansPbxJson.write(Map.of("access_key", accessKey));
    } catch (JsonProcessingException e) {
      return CompletableFuture.failedFuture(e);
    }
    HttpRequest.Builder request =
        request("gentoken")
            .header(ACCESS_TOKEN_HEADER, accessToken)
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (basicAuthorization != null) {
      request.header("Authorization", basicAuthorization);
    }
    return ProviderHttp.send(client, request.build(), provider, "generate token");
  }

  private HttpRequest.Builder request(String endpoint) {
    return HttpRequest.newBuilder(URI.create(apiRoot + "/" + endpoint))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }

  public String provider() {
    return provider;
  }

  @Override
  public String toString() {
    return "SansPbxHttp[apiRoot=" + apiRoot + "]";
  }
}
