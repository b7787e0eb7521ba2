package dev.dialkit.provider.plivo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import dev.dialkit.campaign.spi.ProviderHttp;
import dev.dialkit.provider.plivo.internal.PlivoCallResource;
import dev.dialkit.provider.plivo.internal.PlivoCallbacks;
import dev.dialkit.provider.plivo.internal.PlivoHttp;
import dev.dialkit.provider.plivo.internal.PlivoReconciler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plivo Voice (API v1) as a Dialkit {@link CallProvider}: a thin client over {@code java.net.http},
 * credentials per instance, no static state, no retries of its own. Build one with {@link
 * #builder()}; see {@link PlivoProviderBuilder} for every setting.
 *
 * <p><b>Placing</b>: {@code POST /v1/Account/{auth_id}/Call/}, JSON, HTTP Basic ({@code
 * auth_id:auth_token}), with {@code from} and {@code to} as the country code and number without
 * {@code +} (Plivo's documented form, {@code 14157654321}), {@code answer_url} = an {@link
 * Agent.Kind#ANSWER_URL} agent's URL with the agent's variables appended as query parameters,
 * {@code ring_url} and {@code hangup_url} = the callback base URL with the call's parameters (all
 * methods {@code POST}), {@code ring_timeout} (whole seconds, at least 1), {@code time_limit} (the
 * max call duration in seconds, at least 1) and, when asked, {@code machine_detection=true} with
 * {@code machine_detection_url} = the same callback URL. {@link Agent.Kind#APPLICATION} and {@link
 * Agent.Kind#HOSTED_AGENT} agents are refused without sending anything. Plivo's create call has no
 * recording field (recording is an XML verb of the answer document), so {@link
 * DialRequest#record()} is not sent and the capability is off. Plivo answers 201 with only a {@code
 * request_uuid}: it is returned as {@link PlacedCall#providerRequestId()}; the {@code CallUUID}
 * arrives with the first callback, and Dialkit attaches it to the call then.
 *
 * <p><b>Answered</b>: Plivo tells "answered" to the {@code answer_url}, which is the agent's, not
 * Dialkit's. Dialkit learns it from the machine-detection callback, from the hangup callback's
 * {@code AnswerTime}, or from the answer request itself if the agent's application hands it to
 * {@code dialer.webhooks()}.
 *
 * <p><b>Failures</b> are {@link ProviderException}s: 429 and India's concurrency refusal (5030)
 * retryable; 5xx, a request timeout or a connection lost after sending ambiguous (never re-sent
 * here; Dialkit reconciles); connection refused or a connect timeout retryable; invalid numbers and
 * account errors permanent. See {@code internal.PlivoErrors}.
 *
 * <p><b>Webhooks</b>: {@code X-Plivo-Signature-V3} or {@code -Ma-V3}, with the (sub)account's or
 * the main account's token, is verified on the raw request against the public base URL ({@link
 * PlivoSignatureV3}); only then is the ring, hangup or machine-detection callback parsed ({@code
 * internal.PlivoCallbacks}, {@code internal.PlivoHangupCauses}), every value range-checked.
 *
 * <p><b>Hanging up</b>: before answer, {@code DELETE Request/{request_uuid}/} cancels the request;
 * if Plivo no longer knows the request (404: the call was fired) and the {@code CallUUID} is known,
 * the call is hung up with {@code DELETE Call/{call_uuid}/}, which is also what ends an answered
 * call. 404 means the call has ended already and completes normally.
 *
 * <p><b>Status queries</b>: with a {@code CallUUID}, {@code GET Call/{call_uuid}/?status=live}
 * (ringing or in progress), and on 404 the call record {@code GET Call/{call_uuid}/} (ended, its
 * {@code call_state} read when present); 404 on both is empty. With only a {@code request_uuid},
 * {@code GET Call/{request_uuid}/?status=queued} reports a request still in Plivo's CPS queue
 * (UNCONFIRMED path shape, per plivo-java); otherwise, and for a create that failed ambiguously (no
 * id at all), the call is searched for by destination and caller id in Plivo's queued, live and
 * ended call lists ({@link PlivoReconciler}): one match is the answer, several fail ambiguously
 * (never a guess), none is "never placed" only after two searches a {@link
 * PlivoProviderBuilder#reconcileWindow} apart, the first that long after the permit.
 *
 * <p>Thread-safe. The auth tokens appear in no message, {@code toString} or log.
 */
public final class PlivoProvider implements CallProvider {
  private static final Logger log = LoggerFactory.getLogger(PlivoProvider.class);

  private static final ProviderCapabilities CAPABILITIES =
      new ProviderCapabilities(true, true, true, false, true, true);

  private final String name;
  private final String authId;
  private final URI callbackBaseUrl;
  private final URI publicBaseUrl;
  private final URI baseUrl;
  private final double callsPerSecond;
  private final ZoneId timeZone;
  private final boolean mainAccount;
  private final PlivoSignatureV3 signature;
  private final PlivoHttp http;
  private final PlivoReconciler reconciler;

  PlivoProvider(PlivoProviderBuilder b) {
    this.name = b.name;
    this.authId = b.authId;
    this.callbackBaseUrl = b.callbackBaseUrl;
    this.publicBaseUrl = b.effectivePublicBase();
    this.baseUrl = b.baseUrl;
    this.callsPerSecond = b.callsPerSecond;
    this.timeZone = b.timeZone;
    this.mainAccount = b.mainAccountAuthToken != null;
    HttpClient client =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(PlivoProviderBuilder.DEFAULT_CONNECT_TIMEOUT)
                .build();
    this.http =
        new PlivoHttp(
            name,
            client,
            baseUrl,
            authId,
            ProviderHttp.basicAuthorization(authId, b.authToken),
            b.requestTimeout);
    this.signature = new PlivoSignatureV3(b.authToken, b.mainAccountAuthToken, publicBaseUrl);
    this.reconciler = new PlivoReconciler(name, http, timeZone, b.clock, b.reconcileWindow);
  }

  /** A builder; auth id, auth token and callback base URL are required. */
  public static PlivoProviderBuilder builder() {
    return new PlivoProviderBuilder();
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

  @Override
  public CompletionStage<PlacedCall> place(DialRequest request) {
    Map<String, Object> body;
    try {
      body = createBody(request);
    } catch (ProviderException e) {
      return CompletableFuture.failedFuture(e);
    }
    String action = "create call " + request.callId();
    return http.postJson(http.callsPath(), body, action)
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw http.error(action, response);
              }
              JsonNode json = http.readOrNull(response.body());
              JsonNode id = json == null ? null : json.get("request_uuid");
              String requestUuid =
                  id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
              if (requestUuid == null || requestUuid.isBlank()) {
                // accepted (2xx) but unreadable: the call may exist, so this is not retryable
                throw new ProviderException(
                    name,
                    action + ": 2xx without a request_uuid",
                    response.statusCode(),
                    null,
                    FailureReason.PROVIDER_ERROR,
                    false,
                    true,
                    null);
              }
              log.debug("call {} accepted by Plivo as request {}", request.callId(), requestUuid);
              return new PlacedCall(null, requestUuid, PlivoHttp.text(json, "message"));
            });
  }

  /** The JSON body of a create request, in a stable order. */
  Map<String, Object> createBody(DialRequest request) {
    Agent agent = request.agent();
    if (agent.kind() != Agent.Kind.ANSWER_URL) {
      throw new ProviderException(
          name,
          "Plivo dials only an ANSWER_URL agent (its answer_url must return Plivo XML), not "
              + agent.kind(),
          0,
          null,
          FailureReason.ACCOUNT_OR_PERMISSION,
          false,
          false,
          new InvalidConfigurationException(
              "agent.kind", agent.kind(), "must be ANSWER_URL for Plivo"));
    }
    String callback =
        CallbackUrls.withParameters(callbackBaseUrl, request.callbackParameters()).toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", digits(request.from()));
    body.put("to", digits(request.to()));
    body.put(
        "answer_url",
        CallbackUrls.withParameters(URI.create(agent.target()), agent.variables()).toString());
    body.put("answer_method", "POST");
    body.put("ring_url", callback);
    body.put("ring_method", "POST");
    body.put("hangup_url", callback);
    body.put("hangup_method", "POST");
    body.put("ring_timeout", Math.max(1, seconds(request.ringTimeout())));
    body.put("time_limit", Math.max(1, seconds(request.maxCallDuration())));
    if (request.machineDetection()) {
      body.put("machine_detection", "true");
      body.put("machine_detection_url", callback);
      body.put("machine_detection_method", "POST");
    }
    return body;
  }

  /** Country code and number without {@code +}, as Plivo documents {@code from} and {@code to}. */
  static String digits(PhoneNumber number) {
    return number.e164().substring(1);
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    signature.verify(request);
    return List.of(PlivoCallbacks.parse(request, timeZone));
  }

  @Override
  public CompletionStage<Void> hangUp(Call call) {
    if (call.status().isTerminal()) {
      return CompletableFuture.completedFuture(null);
    }
    String callUuid = call.providerCallId();
    String requestUuid = call.providerRequestId();
    boolean answered = call.status() == CallStatus.ANSWERED;
    if (!answered && requestUuid != null) {
      String action = "cancel request of call " + call.id();
      return http.delete(http.requestPath(requestUuid), action)
          .thenCompose(
              response -> {
                if (response.statusCode() / 100 == 2) {
                  return CompletableFuture.completedFuture(null);
                }
                if (response.statusCode() != 404) {
                  throw http.error(action, response);
                }
                if (callUuid == null) {
                  log.debug("call {}: Plivo knows neither request nor call; ended", call.id());
                  return CompletableFuture.completedFuture(null);
                }
                return hangUpCall(call, callUuid); // fired already: hang the call up
              });
    }
    if (callUuid == null) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              name,
              "call " + call.id() + " has neither a Plivo CallUUID nor a request_uuid to hang up",
              0,
              null,
              FailureReason.UNKNOWN,
              false,
              false,
              null));
    }
    return hangUpCall(call, callUuid);
  }

  private CompletableFuture<Void> hangUpCall(Call call, String callUuid) {
    String action = "hang up call " + call.id();
    return http.delete(http.callPath(callUuid), action)
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
                throw http.error(action, response);
              }
              return null;
            });
  }

  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    String callUuid = call.providerCallId();
    if (callUuid != null) {
      String action = "query call " + call.id();
      return get(
              http.callPath(callUuid) + "?status=live",
              action,
              (json, raw) -> PlivoCallResource.live(json, raw))
          .thenCompose(
              live ->
                  live.isPresent()
                      ? CompletableFuture.completedFuture(live)
                      : get(
                          http.callPath(callUuid),
                          action,
                          (json, raw) -> PlivoCallResource.ended(json, raw, timeZone)));
    }
    String requestUuid = call.providerRequestId();
    if (requestUuid == null) {
      // an ambiguous create: searched for by destination and caller id
      return reconciler.find(call, null);
    }
    String action = "query queued request of call " + call.id();
    return get(
            http.callPath(requestUuid) + "?status=queued",
            action,
            (json, raw) -> PlivoCallResource.queued(requestUuid, raw))
        .thenCompose(
            queued ->
                queued.isPresent()
                    ? CompletableFuture.completedFuture(queued)
                    : reconciler.find(call, requestUuid));
  }

  /** GETs a resource: 404 is empty, 2xx is read with {@code reader}, anything else fails. */
  private CompletableFuture<Optional<CallStatusUpdate>> get(
      String path, String action, Reader reader) {
    return http.get(path, action)
        .thenApply(
            response -> {
              if (response.statusCode() == 404) {
                return Optional.empty();
              }
              if (response.statusCode() / 100 != 2) {
                throw http.error(action, response);
              }
              return Optional.of(read(action, response, reader));
            });
  }

  private CallStatusUpdate read(String action, HttpResponse<String> response, Reader reader) {
    try {
      return reader.read(http.readObject(action, response), response.body());
    } catch (IllegalArgumentException e) {
      throw new ProviderException(
          name,
          action + ": " + e.getMessage(),
          response.statusCode(),
          null,
          FailureReason.PROVIDER_ERROR,
          false,
          false,
          null);
    }
  }

  private interface Reader {
    CallStatusUpdate read(JsonNode json, String raw);
  }

  private static long seconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }

  @Override
  public String toString() {
    return "PlivoProvider[name="
        + name
        + ", authId="
        + authId
        + ", mainAccountToken="
        + mainAccount
        + ", baseUrl="
        + baseUrl
        + ", callbackBaseUrl="
        + callbackBaseUrl
        + ", publicBaseUrl="
        + publicBaseUrl
        + ", callsPerSecond="
        + callsPerSecond
        + ", timeZone="
        + timeZone
        + "]";
  }
}
