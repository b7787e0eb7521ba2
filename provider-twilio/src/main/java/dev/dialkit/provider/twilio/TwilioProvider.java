package dev.dialkit.provider.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CallbackUrls;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import dev.dialkit.campaign.spi.ProviderHttp;
import dev.dialkit.provider.twilio.internal.TwilioCallResource;
import dev.dialkit.provider.twilio.internal.TwilioCallbacks;
import dev.dialkit.provider.twilio.internal.TwilioErrors;
import dev.dialkit.provider.twilio.internal.TwilioForm;
import dev.dialkit.provider.twilio.internal.TwilioHttp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio Programmable Voice (API 2010-04-01) as a Dialkit {@link CallProvider}: a thin client over
 * {@code java.net.http}, credentials per instance, no static state, no retries of its own. Build
 * one with {@link #builder()}; see {@link TwilioProviderBuilder} for every setting.
 *
 * <p><b>Placing</b>: {@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json}, form-encoded, HTTP
 * Basic (account SID and auth token, or API key SID and secret), with {@code To}, {@code From},
 * {@code Url} (the {@link Agent.Kind#ANSWER_URL} agent's URL, with the agent's variables appended
 * as query parameters, so they reach Twilio and its logs), {@code StatusCallback} = the callback
 * base URL with the call's parameters, {@code StatusCallbackMethod} {@code POST}, {@code
 * StatusCallbackEvent} {@code initiated}, {@code ringing}, {@code answered}, {@code completed} as
 * repeated parameters, {@code Timeout} (the ring timeout in whole seconds, clamped to 1..600),
 * {@code TimeLimit} (the max call duration in seconds, at least 1), and when the campaign asks for
 * machine detection {@code MachineDetection} ({@code Enable} or {@code DetectMessageEnd}), the
 * tuning parameters set on the builder, {@code AsyncAmd=true} and {@code AsyncAmdStatusCallback} =
 * the status callback URL plus {@code twilio_amd=1}; {@code Record=true} when asked. {@code From}
 * and {@code To} are {@link dev.dialkit.campaign.PhoneNumber}s, E.164 by construction, so no
 * non-E.164 caller id can reach Twilio.
 *
 * <p><b>Agents</b>: only {@link Agent.Kind#ANSWER_URL}. An {@link Agent.Kind#APPLICATION} agent
 * ({@code ApplicationSid}) and a {@link Agent.Kind#HOSTED_AGENT} are refused by {@link #checkAgent}
 * before anything is sent, with a permanent {@link ProviderException} whose cause is the {@link
 * InvalidConfigurationException}: with an {@code ApplicationSid} Twilio ignores the per-call status
 * callback, so Dialkit would hear nothing of the call.
 *
 * <p><b>Failures</b> are {@link ProviderException}s classified by {@link TwilioErrors}: 429 / 20429
 * / 10004 retryable; 5xx, a request timeout or a connection lost after sending ambiguous (never
 * re-sent here; Dialkit reconciles with {@link #queryStatus}); connection refused or a connect
 * timeout retryable; invalid numbers and account errors permanent.
 *
 * <p><b>Webhooks</b>: {@code X-Twilio-Signature} is verified on the raw request with the auth token
 * against the public base URL ({@link TwilioSignature}); only then is the status or AMD callback
 * parsed ({@link TwilioCallbacks}), every value range-checked.
 *
 * <p><b>Reconciling an ambiguous create</b> ({@link #queryStatus} of a call with no {@code
 * CallSid}): Twilio cannot be asked by Dialkit's id and its Call resource does not echo the
 * callback URL, so this lists {@code GET Calls.json?To=..&From=..&PageSize=50} and takes the one
 * outbound-api call created no earlier than {@link #RECONCILE_SKEW} before Dialkit created the call
 * and not ended more than a second before it (that is an earlier attempt of the same lead, whose
 * retry came within the window). No server-side {@code StartTime} filter is used: a call still
 * waiting in Twilio's CPS queue has no start time and would be missed. Twilio's times have whole
 * seconds, so a retry less than about two seconds after the previous attempt ended cannot be told
 * from it; Dialkit then refuses an answer that names a call another attempt already has. Limits:
 * only the newest 50 calls between the two numbers are looked at; none found gives an empty result
 * (Dialkit then treats the call as never created); two or more found (another campaign dialing the
 * same number from the same caller id at the same time) fail the stage with an ambiguous {@link
 * ProviderException}, leaving the call to the watchdog rather than guessing.
 *
 * <p>Thread-safe. The auth token and API key secret appear in no message, {@code toString} or log.
 */
public final class TwilioProvider implements CallProvider {
  private static final Logger log = LoggerFactory.getLogger(TwilioProvider.class);

  /** How far before Dialkit's creation time a listed call may have been created and still match. */
  public static final Duration RECONCILE_SKEW = Duration.ofMinutes(2);

  private static final ProviderCapabilities CAPABILITIES =
      new ProviderCapabilities(true, true, true, true, true, true);
  private static final List<String> EVENTS =
      List.of("initiated", "ringing", "answered", "completed");

  private final String name;
  private final String accountSid;
  private final String authUser;
  private final URI callbackBaseUrl;
  private final URI publicBaseUrl;
  private final URI baseUrl;
  private final double callsPerSecond;
  private final TwilioSignature signature;
  private final TwilioHttp http;
  private final TwilioMachineDetection machineDetection;
  private final Integer machineDetectionTimeout;
  private final Integer speechThreshold;
  private final Integer speechEndThreshold;
  private final Integer silenceTimeout;

  TwilioProvider(TwilioProviderBuilder b) {
    this.name = b.name;
    this.accountSid = b.accountSid;
    this.authUser = b.apiKeySid != null ? b.apiKeySid : b.accountSid;
    String secret = b.apiKeySid != null ? b.apiKeySecret : b.authToken;
    String authorization = ProviderHttp.basicAuthorization(authUser, secret);
    this.callbackBaseUrl = b.callbackBaseUrl;
    this.publicBaseUrl = b.effectivePublicBase();
    this.baseUrl = b.baseUrl;
    this.callsPerSecond = b.callsPerSecond;
    this.machineDetection = b.machineDetection;
    this.machineDetectionTimeout = b.machineDetectionTimeoutSeconds;
    this.speechThreshold = b.machineDetectionSpeechThresholdMillis;
    this.speechEndThreshold = b.machineDetectionSpeechEndThresholdMillis;
    this.silenceTimeout = b.machineDetectionSilenceTimeoutMillis;
    HttpClient client =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(TwilioProviderBuilder.DEFAULT_CONNECT_TIMEOUT)
                .build();
    this.http = new TwilioHttp(name, client, baseUrl, accountSid, authorization, b.requestTimeout);
    this.signature = new TwilioSignature(b.authToken, publicBaseUrl);
  }

  /** A builder; account SID, auth token and callback base URL are required. */
  public static TwilioProviderBuilder builder() {
    return new TwilioProviderBuilder();
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
    String form;
    try {
      form = createForm(request);
    } catch (ProviderException e) {
      return CompletableFuture.failedFuture(e);
    }
    return http.post(http.callsPath(".json"), form, "create call " + request.callId())
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw http.error("create call " + request.callId(), response);
              }
              JsonNode body = http.readOrNull(response.body());
              String sid = body == null ? null : TwilioHttp.text(body, "sid");
              if (sid == null) {
                // accepted (2xx) but unreadable: the call may exist, so this is not retryable
                throw new ProviderException(
                    name,
                    "create call " + request.callId() + ": 2xx without a call sid",
                    response.statusCode(),
                    null,
                    FailureReason.PROVIDER_ERROR,
                    false,
                    true,
                    null);
              }
              log.debug("call {} placed with Twilio as {}", request.callId(), sid);
              return new PlacedCall(sid, null, TwilioHttp.text(body, "status"));
            });
  }

  /**
   * Whether this provider can dial with {@code agent}: only an {@link Agent.Kind#ANSWER_URL} agent.
   *
   * <p>An {@link Agent.Kind#APPLICATION} agent (a TwiML application's {@code ApplicationSid}) is
   * refused: with {@code ApplicationSid} Twilio ignores the per-call {@code StatusCallback}, {@code
   * StatusCallbackMethod} and {@code StatusCallbackEvent} (twilio-oai, {@code CreateCall}: "If an
   * application_sid is present, this parameter is ignored"), so the call's events would go only to
   * the application's own status callback, which carries no Dialkit parameters, and a callback that
   * arrives before the create response is stored could not be matched and would be lost (Twilio
   * does not retry it). Use the application's Voice URL as an {@code ANSWER_URL} agent instead. A
   * {@link Agent.Kind#HOSTED_AGENT} is refused: Twilio has none.
   *
   * <p>The dialer calls this when a campaign is created, so such a campaign is refused then; {@link
   * #place} applies it again to every call before anything is sent.
   *
   * @throws InvalidConfigurationException naming {@code agent.kind} if Twilio cannot dial it
   */
  @Override
  public void checkAgent(Agent agent) {
    if (agent == null) {
      throw new InvalidConfigurationException("agent", null, "is required");
    }
    switch (agent.kind()) {
      case ANSWER_URL -> {}
      case APPLICATION ->
          throw new InvalidConfigurationException(
              "agent.kind",
              agent.kind(),
              "must be ANSWER_URL for Twilio: with an ApplicationSid Twilio ignores the per-call"
                  + " StatusCallback, so Dialkit would hear no status of the call; use the TwiML"
                  + " application's Voice URL as an ANSWER_URL agent");
      case HOSTED_AGENT ->
          throw new InvalidConfigurationException(
              "agent.kind",
              agent.kind(),
              "must be ANSWER_URL for Twilio: Twilio has no hosted agents");
    }
  }

  /** The form body of a create request. */
  String createForm(DialRequest request) {
    Agent agent = request.agent();
    try {
      checkAgent(agent);
    } catch (InvalidConfigurationException e) {
      // nothing was sent: a permanent refusal naming the setting, the cause typed for the dialer
      throw new ProviderException(
          name,
          "call " + request.callId() + " not placed: " + e.getMessage(),
          0,
          null,
          FailureReason.ACCOUNT_OR_PERMISSION,
          false,
          false,
          e);
    }
    URI statusCallback = CallbackUrls.withParameters(callbackBaseUrl, request.callbackParameters());
    TwilioForm form =
        new TwilioForm()
            .add("To", request.to().e164())
            .add("From", request.from().e164())
            .add("Url", CallbackUrls.withParameters(URI.create(agent.target()), agent.variables()));
    form.add("StatusCallback", statusCallback).add("StatusCallbackMethod", "POST");
    EVENTS.forEach(e -> form.add("StatusCallbackEvent", e));
    long ring = Math.max(1, Math.min(600, seconds(request.ringTimeout())));
    form.add("Timeout", ring).add("TimeLimit", Math.max(1, seconds(request.maxCallDuration())));
    if (request.machineDetection()) {
      Map<String, String> amdParameters = new HashMap<>(request.callbackParameters());
      amdParameters.put(TwilioCallbacks.AMD_MARKER, "1");
      form.add("MachineDetection", machineDetection.wireValue())
          .add("MachineDetectionTimeout", machineDetectionTimeout)
          .add("MachineDetectionSpeechThreshold", speechThreshold)
          .add("MachineDetectionSpeechEndThreshold", speechEndThreshold)
          .add("MachineDetectionSilenceTimeout", silenceTimeout)
          .add("AsyncAmd", "true")
          .add(
              "AsyncAmdStatusCallback", CallbackUrls.withParameters(callbackBaseUrl, amdParameters))
          .add("AsyncAmdStatusCallbackMethod", "POST");
    }
    if (request.record()) {
      form.add("Record", "true");
    }
    return form.encode();
  }

  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    signature.verify(request);
    return List.of(TwilioCallbacks.parse(request));
  }

  /**
   * Cancels a call not answered yet ({@code Status=canceled}) or ends an answered one ({@code
   * Status=completed}). If a cancel comes back with the call {@code in-progress} (it was answered
   * meanwhile, and Twilio ignores a cancel then), it is completed. A call that has ended already
   * (404, or Twilio's 21220 "not in-progress") completes normally; so does a call Dialkit already
   * knows to be ended, without a request. A call with no CallSid fails permanently.
   */
  @Override
  public CompletionStage<Void> hangUp(Call call) {
    if (call.status().isTerminal()) {
      return CompletableFuture.completedFuture(null);
    }
    if (call.providerCallId() == null) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              name,
              "call " + call.id() + " has no Twilio CallSid to hang up",
              0,
              null,
              FailureReason.UNKNOWN,
              false,
              false,
              null));
    }
    String target = call.status() == CallStatus.ANSWERED ? "completed" : "canceled";
    return update(call, target)
        .thenCompose(
            stillLive ->
                stillLive && target.equals("canceled")
                    ? update(call, "completed").thenApply(x -> null)
                    : CompletableFuture.completedFuture(null));
  }

  /** Completes with whether the call is still in progress after the update. */
  private CompletableFuture<Boolean> update(Call call, String status) {
    String action = "hang up call " + call.id() + " (" + status + ")";
    return http.post(http.callPath(call.providerCallId()), "Status=" + status, action)
        .thenApply(
            response -> {
              int code = response.statusCode();
              if (code / 100 == 2) {
                JsonNode body = http.readOrNull(response.body());
                return body != null && "in-progress".equals(TwilioHttp.text(body, "status"));
              }
              if (code == 404 || alreadyEnded(response)) {
                return false;
              }
              throw http.error(action, response);
            });
  }

  private boolean alreadyEnded(HttpResponse<String> response) {
    JsonNode body = http.readOrNull(response.body());
    if (response.statusCode() != 400 || body == null) {
      return false;
    }
    String message = TwilioHttp.text(body, "message");
    return "21220".equals(TwilioHttp.text(body, "code"))
        || (message != null
            && message.toLowerCase(java.util.Locale.ROOT).contains("not in-progress"));
  }

  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    if (call.providerCallId() != null) {
      String action = "query call " + call.id();
      return http.get(http.callPath(call.providerCallId()), action)
          .thenApply(
              response -> {
                if (response.statusCode() == 404) {
                  return Optional.empty();
                }
                if (response.statusCode() / 100 != 2) {
                  throw http.error(action, response);
                }
                return Optional.of(
                    resource(http.readObject(action, response.body()), response.body()));
              });
    }
    String action = "find call " + call.id() + " by number";
    String query =
        "?To="
            + URLEncoder.encode(call.to().e164(), StandardCharsets.UTF_8)
            + "&From="
            + URLEncoder.encode(call.from().e164(), StandardCharsets.UTF_8)
            + "&PageSize=50";
    return http.get(http.callsPath(".json" + query), action)
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw http.error(action, response);
              }
              JsonNode page = http.readObject(action, response.body());
              List<JsonNode> found;
              try {
                found = TwilioCallResource.candidates(page, call, RECONCILE_SKEW);
              } catch (IllegalArgumentException e) {
                throw unreadable(action + ": " + e.getMessage());
              }
              if (found.size() > 1) {
                throw new ProviderException(
                    name,
                    action + ": " + found.size() + " calls match; not guessing",
                    response.statusCode(),
                    null,
                    FailureReason.PROVIDER_ERROR,
                    false,
                    true,
                    null);
              }
              return found.stream().findFirst().map(c -> resource(c, c.toString()));
            });
  }

  private CallStatusUpdate resource(JsonNode node, String raw) {
    try {
      return TwilioCallResource.toUpdate(node, raw);
    } catch (IllegalArgumentException e) {
      throw unreadable(e.getMessage());
    }
  }

  /** A Call resource Dialkit cannot take as true: missing status, values out of range. */
  private ProviderException unreadable(String message) {
    return new ProviderException(
        name, message, 200, null, FailureReason.PROVIDER_ERROR, false, false, null);
  }

  private static long seconds(Duration d) {
    long s = d.getSeconds();
    return d.getNano() > 0 ? s + 1 : s;
  }

  @Override
  public String toString() {
    return "TwilioProvider[name="
        + name
        + ", accountSid="
        + accountSid
        + ", auth="
        + (authUser.equals(accountSid) ? "auth token" : "API key " + authUser)
        + ", baseUrl="
        + baseUrl
        + ", callbackBaseUrl="
        + callbackBaseUrl
        + ", publicBaseUrl="
        + publicBaseUrl
        + ", callsPerSecond="
        + callsPerSecond
        + ", machineDetection="
        + machineDetection
        + "]";
  }
}
