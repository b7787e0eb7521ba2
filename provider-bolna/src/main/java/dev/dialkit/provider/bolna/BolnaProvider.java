package dev.dialkit.provider.bolna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Conversation;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import dev.dialkit.provider.bolna.internal.BolnaConversations;
import dev.dialkit.provider.bolna.internal.BolnaExecutions;
import dev.dialkit.provider.bolna.internal.BolnaHttp;
import dev.dialkit.provider.bolna.internal.BolnaJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolna's hosted voice agents as a Dialkit {@link CallProvider}: a thin client over {@code
 * java.net.http}, the API key per instance, no static state, no retries of its own. Build one with
 * {@link #builder()}; see {@link BolnaProviderBuilder} for every setting.
 *
 * <p><b>Placing</b>: {@code POST /call}, JSON, {@code Authorization: Bearer <api key>}, with {@code
 * agent_id} (the campaign's {@link Agent#hosted} id, else the builder's {@code agentId}), {@code
 * recipient_phone_number} and {@code from_phone_number} in E.164, {@code user_data} = the agent's
 * variables with the lead's merged over them (bounded by {@link Agent}'s limits, JSON-escaped by
 * Jackson) plus {@code dialkit_call} = Dialkit's call id, and {@code retry_config = {"enabled":
 * false}}: Bolna's own retries stay off, Dialkit's retry policy decides. Ring timeout, maximum
 * duration, voicemail detection and recording are the agent's settings at Bolna, not per call:
 * those fields of the {@link DialRequest} are not sent. Bolna answers 200 with {@code
 * execution_id}, returned as {@link PlacedCall#providerCallId()}.
 *
 * <p><b>Webhooks</b>: Bolna posts the execution object, on every status change, to the one webhook
 * URL of the agent, not to a URL per call, and signs nothing. The host configures that URL at Bolna
 * with Dialkit's own token for the tenant (see the README); Dialkit finds the call by the execution
 * id within that tenant, or by the {@code dialkit_call} Bolna echoes in {@code
 * context_details.recipient_data}. {@link #parseWebhook} only parses ({@code
 * internal.BolnaExecutions}, {@code internal.BolnaStatuses}); it never throws anything but {@link
 * WebhookRejectedException} MALFORMED or {@link IllegalArgumentException} for a value out of range.
 *
 * <p><b>Hanging up</b>: Bolna has no API that ends a call in progress; {@code POST
 * /call/{execution_id}/stop} stops only a queued or scheduled one. {@link #hangUp} therefore fails
 * with {@link UnsupportedOperationException} (the capability is off, and Dialkit does not ask);
 * {@link #stopQueued} is the stop, for a host that wants it.
 *
 * <p><b>Status queries</b>: {@code GET /executions/{execution_id}}, read as a webhook is; 404 is
 * empty. Without an execution id (a create that failed ambiguously) Bolna cannot be asked: the
 * stage fails with an ambiguous {@link ProviderException}.
 *
 * <p>Thread-safe. The API key appears in no message, {@code toString} or log, and phone numbers in
 * no log.
 */
public final class BolnaProvider implements CallProvider {
  private static final Logger log = LoggerFactory.getLogger(BolnaProvider.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ProviderCapabilities CAPABILITIES =
      new ProviderCapabilities(false, true, false, false, true, false, false);

  private final String name;
  private final String agentId;
  private final URI baseUrl;
  private final double callsPerSecond;
  private final boolean sendCallerId;
  private final BolnaHttp http;

  BolnaProvider(BolnaProviderBuilder b) {
    this.name = b.name;
    this.agentId = b.agentId;
    this.baseUrl = b.baseUrl;
    this.callsPerSecond = b.callsPerSecond;
    this.sendCallerId = b.sendCallerId;
    HttpClient client =
        b.httpClient != null
            ? b.httpClient
            : HttpClient.newBuilder()
                .connectTimeout(BolnaProviderBuilder.DEFAULT_CONNECT_TIMEOUT)
                .build();
    this.http = new BolnaHttp(name, client, baseUrl, b.apiKey, b.requestTimeout);
  }

  /** A builder; the API key is required. */
  public static BolnaProviderBuilder builder() {
    return new BolnaProviderBuilder();
  }

  @Override
  public String name() {
    return name;
  }

  /**
   * No hang-up (Bolna cannot end a call in progress), status queries, no per-call machine detection
   * or recording (agent settings at Bolna; a voicemail verdict is still reported), progress events,
   * unsigned webhooks.
   */
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
    return http.postJson(BolnaHttp.CALL_PATH, body, action)
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw http.error(action, response);
              }
              JsonNode json = http.readOrNull(response.body());
              String executionId = BolnaJson.text(json, "execution_id");
              if (executionId == null || executionId.length() > CallStatusUpdate.MAX_ID_LENGTH) {
                // accepted (2xx) but unreadable: the call may exist, so this is not retryable
                throw new ProviderException(
                    name,
                    action + ": 2xx without an execution_id",
                    response.statusCode(),
                    null,
                    FailureReason.PROVIDER_ERROR,
                    false,
                    true,
                    null);
              }
              log.debug("call {} accepted by Bolna as execution {}", request.callId(), executionId);
              return new PlacedCall(executionId, null, BolnaJson.text(json, "status"));
            });
  }

  /** The JSON body of a create request, in a stable order. */
  Map<String, Object> createBody(DialRequest request) {
    Map<String, String> userData = new LinkedHashMap<>(request.agent().variables());
    // Agent refuses variables starting with "dialkit_": this key is Dialkit's alone
    userData.put(BolnaExecutions.CALL_VARIABLE, request.callId().value());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("agent_id", agentId(request.agent()));
    body.put("recipient_phone_number", request.to().e164());
    if (sendCallerId) {
      body.put("from_phone_number", request.from().e164());
    }
    body.put("user_data", userData);
    body.put("retry_config", Map.of("enabled", false));
    return body;
  }

  private String agentId(Agent agent) {
    if (agent.kind() == Agent.Kind.HOSTED_AGENT) {
      return agent.target();
    }
    if (agentId != null) {
      return agentId;
    }
    throw new ProviderException(
        name,
        "Bolna calls through a hosted agent: give the campaign Agent.hosted(agentId) or the provider"
            + " an agentId, not an "
            + agent.kind()
            + " agent",
        0,
        null,
        FailureReason.ACCOUNT_OR_PERMISSION,
        false,
        false,
        new InvalidConfigurationException(
            "agent.kind", agent.kind(), "must be HOSTED_AGENT for Bolna without an agentId"));
  }

  /**
   * Parses Bolna's execution webhook. Bolna signs nothing: authenticity is Dialkit's token in the
   * URL, checked before this is called.
   *
   * @throws WebhookRejectedException MALFORMED if the body is not a JSON object or has no id or
   *     status
   * @throws IllegalArgumentException if a value is out of range (also answered 400)
   */
  @Override
  public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
    JsonNode json = BolnaJson.readOrNull(JSON, request.body());
    if (json == null || !json.isObject()) {
      throw new WebhookRejectedException(
          WebhookRejectedException.Reason.MALFORMED, "the body is not a JSON object");
    }
    try {
      return List.of(BolnaExecutions.parse(json, request.body()));
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(WebhookRejectedException.Reason.MALFORMED, e.getMessage());
    }
  }

  /**
   * The execution's {@code transcript}, {@code summary} and {@code extracted_data} (see {@link
   * BolnaConversations}), read from the update's raw payload; empty when it has none or is not
   * JSON. An extracted {@code disposition} (with {@code lead_score} and {@code callback_at}) that
   * is a code of the campaign is recorded as the call's disposition by Dialkit.
   */
  @Override
  public Optional<Conversation> conversation(CallStatusUpdate update) {
    return BolnaConversations.read(BolnaJson.readOrNull(JSON, update.rawPayload()));
  }

  /**
   * Always fails with {@link UnsupportedOperationException}: Bolna cannot end a call in progress.
   * See {@link #stopQueued} for calls still queued at Bolna.
   */
  @Override
  public CompletionStage<Void> hangUp(Call call) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(
            "Bolna has no API to end a call in progress; stopQueued stops a queued one"));
  }

  /**
   * Stops an execution Bolna has not started dialing yet ({@code POST /call/{execution_id}/stop},
   * which works only on queued or scheduled calls). Bolna then reports it {@code canceled}. Fails
   * with a permanent {@link ProviderException} if Bolna refuses (the call started already), and
   * with {@link IllegalArgumentException} if the call has no execution id.
   */
  public CompletionStage<Void> stopQueued(Call call) {
    String executionId = call.providerCallId();
    if (executionId == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("call " + call.id() + " has no Bolna execution id"));
    }
    String action = "stop queued call " + call.id();
    return http.postJson(BolnaHttp.stopPath(executionId), null, action)
        .thenApply(
            response -> {
              if (response.statusCode() / 100 != 2) {
                throw http.error(action, response);
              }
              return null;
            });
  }

  @Override
  public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
    String executionId = call.providerCallId();
    if (executionId == null) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              name,
              "call " + call.id() + " cannot be looked up at Bolna: it has no execution id",
              0,
              null,
              FailureReason.PROVIDER_ERROR,
              false,
              true,
              null));
    }
    String action = "query call " + call.id();
    return http.get(BolnaHttp.executionPath(executionId), action)
        .thenApply(
            response -> {
              if (response.statusCode() == 404) {
                return Optional.empty();
              }
              if (response.statusCode() / 100 != 2) {
                throw http.error(action, response);
              }
              JsonNode json = http.readObject(action, response);
              try {
                return Optional.of(BolnaExecutions.parse(json, response.body(), executionId));
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
            });
  }

  @Override
  public String toString() {
    return "BolnaProvider[name="
        + name
        + ", agentId="
        + agentId
        + ", baseUrl="
        + baseUrl
        + ", callsPerSecond="
        + callsPerSecond
        + ", sendCallerId="
        + sendCallerId
        + "]";
  }
}
