package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.StoreException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.WebhookResult;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.campaign.spi.Untrusted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook path: size check, provider, signature and parse (by the provider), then the call (by
 * Dialkit's id in the callback URL, else by the provider's id), then the state machine. Every call
 * an update names is found before any is applied, so a rejected webhook changes nothing.
 */
final class WebhookPipeline implements Webhooks {
  private static final Logger log = LoggerFactory.getLogger(WebhookPipeline.class);

  private final Map<String, CallProvider> providers;
  private final CampaignStore store;
  private final CallUpdater updater;
  private final int maxBodyBytes;
  private final CallbackSigner signer;
  private final Observers observers;
  private final AgentReports reports;

  /** What the observers are told of one webhook, filled in as it goes through. */
  private static final class Outcome {
    String provider = DialerObserver.Webhook.UNKNOWN_PROVIDER;
    WebhookResult result = WebhookResult.ERROR;
  }

  WebhookPipeline(
      Map<String, CallProvider> providers,
      CampaignStore store,
      CallUpdater updater,
      int maxBodyBytes,
      CallbackSigner signer,
      Observers observers,
      AgentReports reports) {
    this.providers = providers;
    this.store = store;
    this.updater = updater;
    this.maxBodyBytes = maxBodyBytes;
    this.signer = signer;
    this.observers = observers;
    this.reports = reports;
  }

  /**
   * Never throws: a rejection is its 4xx; a store failure is 503 (transient) or 500, so that the
   * provider sends the webhook again; any other failure, a bug of Dialkit's or a provider's parser,
   * is logged and answered 500. Nothing untrusted reaches the log or the response unescaped.
   */
  @Override
  public WebhookResponse handle(WebhookRequest request) {
    long started = System.nanoTime();
    Outcome outcome = new Outcome();
    WebhookResponse response = respond(request, outcome);
    observers.webhookHandled(
        new DialerObserver.Webhook(
            outcome.provider, outcome.result, Duration.ofNanos(System.nanoTime() - started)));
    return response;
  }

  private WebhookResponse respond(WebhookRequest request, Outcome outcome) {
    try {
      return process(request, outcome);
    } catch (WebhookRejectedException e) {
      outcome.result = WebhookResult.rejected(e.reason());
      // the message is escaped and capped; the body may hold phone numbers: never logged
      log.warn("webhook rejected ({} {}): {}", e.httpStatus(), e.reason(), e.getMessage());
      return WebhookResponse.rejected(e);
    } catch (StoreException e) {
      outcome.result = WebhookResult.STORE_FAILED;
      int status = e.isTransient() ? 503 : 500;
      log.warn("webhook not applied, the store failed; answered {} so it comes again", status, e);
      return new WebhookResponse(status, null, "store unavailable; send again later");
    } catch (RuntimeException e) {
      log.error("webhook not applied: unexpected failure; answered 500", e);
      return new WebhookResponse(500, null, "internal error");
    }
  }

  private WebhookResponse process(WebhookRequest request, Outcome outcome) {
    int size = request.body().getBytes(StandardCharsets.UTF_8).length;
    if (size > maxBodyBytes) {
      throw new WebhookRejectedException(
          Reason.TOO_LARGE, "body of " + size + " bytes exceeds the cap of " + maxBodyBytes);
    }
    Map<String, List<String>> query = query(request);
    CallProvider provider = provider(first(query, PROVIDER_PARAMETER));
    outcome.provider = provider.name();
    if (!provider.capabilities().signsWebhooks()) {
      checkToken(provider, query);
    }
    List<CallStatusUpdate> updates;
    try {
      updates = provider.parseWebhook(request);
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(Reason.MALFORMED, e.getMessage());
    }
    List<Call> calls = new ArrayList<>(updates.size());
    for (CallStatusUpdate update : updates) {
      calls.add(locate(provider, query, update));
    }
    outcome.result = WebhookResult.IGNORED;
    for (int i = 0; i < updates.size(); i++) {
      WebhookResult result = result(updater.apply(calls.get(i), updates.get(i)));
      if (result != WebhookResult.CALL_GONE) {
        // after the status: a callback the agent extracted finds the lead no longer in progress
        reports.learned(provider, calls.get(i), updates.get(i));
      }
      if (i == 0 || result == WebhookResult.APPLIED) {
        outcome.result = result;
      }
    }
    return WebhookResponse.ok();
  }

  private static WebhookResult result(CallUpdater.Result result) {
    return switch (result) {
      case APPLIED -> WebhookResult.APPLIED;
      case DUPLICATE -> WebhookResult.DUPLICATE;
      case STALE -> WebhookResult.STALE;
      case UNKNOWN_STATUS -> WebhookResult.UNKNOWN_STATUS;
      case NOT_FOUND -> WebhookResult.CALL_GONE;
    };
  }

  /**
   * The callback URL's query, decoded. Dialkit makes every callback URL and encodes it properly, so
   * one that cannot be decoded is not one of Dialkit's: it can carry no valid signature.
   */
  private static Map<String, List<String>> query(WebhookRequest request) {
    try {
      return request.queryParameters();
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(
          Reason.SIGNATURE, "the callback URL's query is not valid URL encoding");
    }
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * For providers that sign nothing: the URL must carry Dialkit's own token for its call, or, for a
   * provider without per-call callback URLs, for the tenant and provider it names (the URL the host
   * set at the provider, {@link #providerWebhookUrl}); a call is then found only within that
   * tenant.
   */
  private void checkToken(CallProvider provider, Map<String, List<String>> query) {
    String tenant = first(query, TENANT_PARAMETER);
    String call = first(query, CALL_PARAMETER);
    String token = first(query, TOKEN_PARAMETER);
    boolean valid;
    try {
      if (tenant == null) {
        valid = false;
      } else if (call != null) {
        valid = signer.verify(TenantId.of(tenant), CallId.of(call), token);
      } else {
        valid =
            !provider.capabilities().perCallCallbacks()
                && signer.verifyProvider(TenantId.of(tenant), provider.name(), token);
      }
    } catch (IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new WebhookRejectedException(
          Reason.SIGNATURE, "missing or wrong " + TOKEN_PARAMETER + " for the call in the URL");
    }
  }

  @Override
  public java.net.URI providerWebhookUrl(java.net.URI base, TenantId tenant, String providerName) {
    if (base == null || tenant == null) {
      throw new dev.dialkit.campaign.InvalidConfigurationException(
          base == null ? "base" : "tenant", null, "is required");
    }
    CallProvider provider = providers.get(providerName);
    if (provider == null) {
      throw new dev.dialkit.campaign.InvalidConfigurationException(
          "provider", providerName, "is not a provider of this dialer");
    }
    Map<String, String> parameters = new java.util.LinkedHashMap<>();
    parameters.put(PROVIDER_PARAMETER, provider.name());
    parameters.put(TENANT_PARAMETER, tenant.value());
    if (!provider.capabilities().signsWebhooks()) {
      if (signer == null) {
        throw new dev.dialkit.campaign.InvalidConfigurationException(
            "callbackSecret", null, "is required for a provider that signs nothing");
      }
      parameters.put(TOKEN_PARAMETER, signer.providerToken(tenant, provider.name()));
    }
    return dev.dialkit.campaign.spi.CallbackUrls.withParameters(base, parameters);
  }

  private CallProvider provider(String name) {
    if (name == null) {
      if (providers.size() == 1) {
        return providers.values().iterator().next();
      }
      throw new WebhookRejectedException(
          Reason.UNKNOWN_PROVIDER,
          "the callback URL names no provider (" + PROVIDER_PARAMETER + ")");
    }
    CallProvider provider = providers.get(name);
    if (provider == null) {
      // the name is not echoed: a response body is no place for what a stranger sent
      throw new WebhookRejectedException(
          Reason.UNKNOWN_PROVIDER, "the callback URL names no provider of this dialer");
    }
    return provider;
  }

  /**
   * The call an update is about, within the tenant the callback URL names and of this provider: by
   * Dialkit's call id (in the URL, else in the body), else by the provider's ids. Whatever finds
   * it, the provider ids the body carries must be the call's (or be new to it and nobody else's),
   * so a signed body cannot be applied to another tenant's call, nor to another call of the same
   * one.
   */
  private Call locate(
      CallProvider provider, Map<String, List<String>> query, CallStatusUpdate update) {
    String tenantValue = first(query, TENANT_PARAMETER);
    if (tenantValue == null) {
      throw new WebhookRejectedException(
          Reason.MALFORMED, "the callback URL names no tenant (" + TENANT_PARAMETER + ")");
    }
    String callValue = first(query, CALL_PARAMETER);
    if (callValue == null && update.callId() != null) {
      callValue = update.callId().value();
    }
    TenantId tenant;
    CallId callId;
    try {
      tenant = TenantId.of(tenantValue);
      callId = callValue == null ? null : CallId.of(callValue);
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(
          Reason.MALFORMED, "bad tenant or call reference in the callback URL");
    }
    Optional<Call> call;
    if (callId != null) {
      call = updater.recent(tenant, callId).or(() -> store.findCall(tenant, callId));
    } else {
      String providerId =
          update.providerCallId() != null ? update.providerCallId() : update.providerRequestId();
      call =
          providerId == null
              ? Optional.empty()
              : store
                  .findCallByProviderId(provider.name(), providerId)
                  .filter(c -> c.tenant().equals(tenant));
    }
    if (call.isEmpty()
        || !call.get().provider().equals(provider.name())
        || !idsAgree(provider, call.get(), update)) {
      throw new WebhookRejectedException(
          Reason.UNKNOWN_CALL,
          "no such call of provider "
              + provider.name()
              + " for tenant "
              + Untrusted.quote(tenantValue));
    }
    return call.get();
  }

  /** Whether the provider ids in {@code update} are the call's, or new to it and to every call. */
  private boolean idsAgree(CallProvider provider, Call call, CallStatusUpdate update) {
    return agrees(provider, call, call.providerCallId(), update.providerCallId())
        && agrees(provider, call, call.providerRequestId(), update.providerRequestId());
  }

  private boolean agrees(CallProvider provider, Call call, String known, String given) {
    if (given == null
        || given.equals(call.providerCallId())
        || given.equals(call.providerRequestId())) {
      return true;
    }
    if (known != null) {
      return false;
    }
    return store
        .findCallByProviderId(provider.name(), given)
        .map(other -> other.id().equals(call.id()))
        .orElse(true);
  }
}
