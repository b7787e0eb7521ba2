package dev.dialkit.provider.sanspbx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import dev.dialkit.campaign.spi.ProviderHttp;
import dev.dialkit.provider.sanspbx.SansPbxProviderBuilder.CallbackPlacement;
import dev.dialkit.provider.sanspbx.internal.SansPbxErrors;
import dev.dialkit.provider.sanspbx.internal.SansPbxHttp;
import dev.dialkit.provider.sanspbx.internal.SansPbxJson;
import dev.dialkit.provider.sanspbx.internal.SansPbxWebhooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SansPBX (San Softwares' cloud PBX, India) as a Dialkit {@link CallProvider}: a thin client over
 * {@code java.net.http}, credentials per instance, no static state, no retries of its own beyond
 * one re-send of a request refused for its token. SansPBX publishes no API documentation; this
 * follows the public integrations (see the module's README for which says what). Build one with
 * {@link #builder()}.
 *
 * <p><b>Placing</b>: a token from {@code POST gentoken} ({@code Accesstoken} header, {@code
 * {"access_key"}}), cached until shortly before its {@code expiry_time}; then {@code POST dialcall}
 * with the {@code Apitoken} header and {@code {appid, call_to, caller_id, status_callback,
 * custom_field, websocket_url}}. {@code appid} is an {@link Agent.Kind#APPLICATION} agent's id (a
 * call flow configured in the SansPBX admin); other agents are refused without sending anything.
 * The agent's variables go in {@code custom_field}. Numbers are written per tenant ({@link
 * SansPbxNumberFormats}). A 401 makes a new token and sends the request once more; a second 401 is
 * permanent. The call id is read from {@code data.msg.callid}, or {@code callid}, {@code call_id},
 * {@code Callid} or {@code id} at the top level or under {@code data}.
 *
 * <p><b>Webhooks</b>: one, after the call ended, with its {@code disposition} ({@code
 * internal.SansPbxWebhooks}, {@code internal.SansPbxDispositions}): calls go straight from
 * INITIATED to their end. SansPBX signs nothing, so Dialkit puts its own token in the {@code
 * status_callback} URL and checks it before this provider parses anything: a dialer with this
 * provider needs {@code callbackSecret}.
 *
 * <p><b>Hanging up</b>: {@code POST calldisconnect} {@code {"callid"}}; 2xx or 404 is done.
 *
 * <p><b>Status queries</b>: SansPBX has none that is known, so {@link #queryStatus} fails with
 * {@link UnsupportedOperationException}: a call whose webhook never comes is ended by Dialkit's
 * watchdog (FAILED, {@code NO_STATUS_CALLBACK}) after ring timeout + max duration + grace.
 *
 * <p>Thread-safe. Tokens, keys and passwords appear in no message, {@code toString} or log; phone
 * numbers (also inside SansPBX's call ids) are masked in every log line and message.
 */
public final class SansPbxProvider implements CallProvider {
  private static final Logger log = LoggerFactory.getLogger(SansPbxProvider.class);

  /**
   * Hang-up: yes. Status query: none known. Machine detection: no. Recording: not per call (a PBX
   * setting; {@code rec_path} is kept when it comes). Progress events: none (the webhook is
   * terminal). Signs webhooks: no (Dialkit's callback token instead).
   */
  public static final ProviderCapabilities CAPABILITIES =
      new ProviderCapabilities(true, false, false, false, false, false);

  private static final String[] CALL_ID_PATHS = {
    "data.msg.callid",
    "data.msg.call_id",
    "data.callid",
    "data.call_id",
    "callid",
    "call_id",
    "Callid",
    "data.Callid",
    "id",
    "data.id"
  };

  private final String name;
  private final URI apiUrl;
  private final URI callbackBaseUrl;
  private final URI websocketUrl;
  private final SansPbxNumberFormats numberFormats;
  private final Map<TenantId, SansPbxNumberFormats> tenantNumberFormats;
  private final CallbackPlacement placement;
  private final boolean linkedIdIsCallId;
  private final double callsPerSecond;
  private final boolean basicAuth;
  private final SansPbxHttp http;

  SansPbxProvider(SansPbxProviderBuilder b) {
    this.name = b.name;
    this.apiUrl = b.apiUrl;
    this.callbackBaseUrl = b.callbackBaseUrl;
    this.websocketUrl = b.websocketUrl;
    this.numberFormats = b.numberFormats;
    this.tenantNumberFormats = Map.copyOf(b.tenantNumberFormats);
    this.placement = b.callbackPlacement;
    this.linkedIdIsCallId = b.linkedIdIsCallId;
    this.callsPerSecond = b.callsPerSecond;
    this.basicAuth = b.basicUser != null;
    HttpClient client =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(SansPbxProviderBuilder.DEFAULT_CONNECT_TIMEOUT)
                .build();
    this.http =
        new SansPbxHttp(
            name,
            client,
            apiUrl,
            b.accessToken,
            b.accessKey,
            basicAuth ? ProviderHttp.basicAuthorization(b.basicUser, b.basicPassword) : null,
            b.requestTimeout,
            b.clock,
            b.timeZone,
            b.tokenRefreshMargin,
            b.tokenFallbackLifetime);
  }

  /** A builder; API URL, access token, access key and callback base URL are required. */
  public static SansPbxProviderBuilder builder() {
    return new SansPbxProviderBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ProviderCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public double callsPerSecond() {
    return callsPerSecond;
  }

  /** The number formats of {@code tenant}'s calls. */
  public SansPbxNumberFormats numberFormats(TenantId tenant) {
    return tenantNumberFormats.getOrDefault(tenant, numberFormats);
  }

  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    Map<String, Object> body;
    try {
      body = dialBody(request);
    } catch (ProviderException e) {
      return CompletableFuture.failedFuture(e);
    }
    String action = "dial call " + request.callId();
    return http.postWithToken("dialcall", body, action)
        .thenApply(response -> placed(request, action, response));
  }

  private PlacedCall placed(DialRequest request, String action, HttpResponse<String> response) {
    JsonNode json = SansPbxJson.readOrNull(response.body());
    if (response.statusCode() / 100 != 2) {
      throw error(action, response, json);
    }
    String callId = SansPbxJson.firstScalar(json, CALL_ID_PATHS);
    if (callId == null || callId.length() > CallStatusUpdate.MAX_ID_LENGTH) {
      if (SansPbxErrors.saysFailed(json)) {
        throw error(action, response, json);
      }
      // accepted (2xx) but no usable id: the call may exist, so this is not retryable
      throw new ProviderException(
          name,
          action + ": 2xx without a usable call id",
          response.statusCode(),
          null,
          FailureReason.PROVIDER_ERROR,
          false,
          true,
          null);
    }
    // SansPBX's ids hold the dialed number (api-<appid>-<number>-<ms>): masked in logs
    log.debug(
        "call {} accepted by SansPBX as {}", request.callId(), ProviderHttp.maskDigits(callId));
    return new PlacedCall(callId, null, SansPbxJson.scalar(json, "status"));
  }

  /** The JSON body of a {@code dialcall} request, in a stable order. */
  Map<String, Object> dialBody(DialRequest request) {
    Agent agent = request.agent();
    if (agent.kind() != Agent.Kind.APPLICATION || !agent.target().matches("[0-9]{1,9}")) {
      throw new ProviderException(
          name,
          "SansPBX dials only an APPLICATION agent whose target is the numeric appid of a call flow",
          0,
          null,
          FailureReason.ACCOUNT_OR_PERMISSION,
          false,
          false,
          new InvalidConfigurationException(
              "agent", agent.kind(), "must be APPLICATION with a numeric appid for SansPBX"));
    }
    SansPbxNumberFormats formats = numberFormats(request.tenant());
    String callTo;
    String callerId;
    try {
      callTo = formats.callTo().format(request.to());
    } catch (IllegalArgumentException e) {
      throw refusedHere(request, "call_to: " + e.getMessage(), FailureReason.INVALID_NUMBER);
    }
    try {
      callerId = formats.callerId().format(request.from());
    } catch (IllegalArgumentException e) {
      throw refusedHere(
          request, "caller_id: " + e.getMessage(), FailureReason.ACCOUNT_OR_PERMISSION);
    }
    String callback =
        CallbackUrls.withParameters(callbackBaseUrl, request.callbackParameters()).toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("appid", Integer.parseInt(agent.target()));
    body.put("call_to", callTo);
    body.put("caller_id", callerId);
    if (placement != CallbackPlacement.CUSTOM_FIELD) {
      body.put("status_callback", callback);
    }
    if (websocketUrl != null) {
      body.put("websocket_url", websocketUrl.toString());
    }
    Map<String, Object> custom = new LinkedHashMap<>(new java.util.TreeMap<>(agent.variables()));
    if (placement != CallbackPlacement.TOP_LEVEL) {
      custom.put("status_callback", callback);
    }
    if (!custom.isEmpty()) {
      body.put("custom_field", custom);
    }
    return body;
  }

  private ProviderException refusedHere(DialRequest request, String why, FailureReason reason) {
    return new ProviderException(
        name,
        "call " + request.callId() + " not dialed: " + why,
        0,
        null,
        reason,
        false,
        false,
        null);
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    return List.of(SansPbxWebhooks.parse(request, linkedIdIsCallId));
  }

  @Override
  public CompletionStage<Void> hangUp(Call call) {
    if (call.status().isTerminal()) {
      return CompletableFuture.completedFuture(null);
    }
    String callId = call.providerCallId();
    if (callId == null) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              name,
              "call " + call.id() + " has no SansPBX call id to disconnect",
              0,
              null,
              FailureReason.UNKNOWN,
              false,
              false,
              null));
    }
    String action = "disconnect call " + call.id();
    return http.postWithToken("calldisconnect", Map.of("callid", callId), action)
        .thenApply(
            response -> {
              int status = response.statusCode();
              if (status / 100 != 2 && status != 404) {
                throw error(action, response, SansPbxJson.readOrNull(response.body()));
              }
              log.debug("call {} disconnected at SansPBX (HTTP {})", call.id(), status);
              return null;
            });
  }

  /**
   * SansPBX has no status query that is known: always fails with {@link
   * UnsupportedOperationException}.
   */
  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(
            "SansPBX has no known status query; the watchdog ends calls without a webhook"));
  }

  private ProviderException error(String action, HttpResponse<String> response, JsonNode json) {
    return SansPbxErrors.fromResponse(name, action, response.statusCode(), response.body(), json);
  }

  @Override
  public String toString() {
    return "SansPbxProvider[name="
        + name
        + ", apiUrl="
        + apiUrl
        + ", callbackBaseUrl="
        + callbackBaseUrl
        + ", websocketUrl="
        + websocketUrl
        + ", numberFormats="
        + numberFormats
        + ", tenantsWithOwnFormats="
        + tenantNumberFormats.size()
        + ", callbackPlacement="
        + placement
        + ", linkedIdIsCallId="
        + linkedIdIsCallId
        + ", basicAuth="
        + basicAuth
        + ", callsPerSecond="
        + callsPerSecond
        + "]";
  }
}
