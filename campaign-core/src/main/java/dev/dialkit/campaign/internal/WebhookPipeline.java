package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.CampaignStore;
import java.nio.charset.StandardCharsets;
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

  WebhookPipeline(
      Map<String, CallProvider> providers,
      CampaignStore store,
      CallUpdater updater,
      int maxBodyBytes,
      CallbackSigner signer) {
    this.providers = providers;
    this.store = store;
    this.updater = updater;
    this.maxBodyBytes = maxBodyBytes;
    this.signer = signer;
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    String providerName = request.queryParameter(PROVIDER_PARAMETER);
    try {
      int size = request.body().getBytes(StandardCharsets.UTF_8).length;
      if (size > maxBodyBytes) {
        throw new WebhookRejectedException(
            Reason.TOO_LARGE, "body of " + size + " bytes exceeds the cap of " + maxBodyBytes);
      }
      CallProvider provider = provider(providerName);
      providerName = provider.name();
      if (!provider.capabilities().signsWebhooks()) {
        checkToken(request);
      }
      List<CallStatusUpdate> updates;
      try {
        updates = provider.parseWebhook(request);
      } catch (IllegalArgumentException e) {
        throw new WebhookRejectedException(Reason.MALFORMED, e.getMessage());
      }
      List<Call> calls = new ArrayList<>(updates.size());
      for (CallStatusUpdate update : updates) {
        calls.add(locate(provider, request, update));
      }
      for (int i = 0; i < updates.size(); i++) {
        updater.apply(calls.get(i), updates.get(i));
      }
      return WebhookResponse.ok();
    } catch (WebhookRejectedException e) {
      // the body may hold phone numbers: log the reason and the ids only
      log.warn(
          "webhook rejected ({} {}): provider={} call={}: {}",
          e.httpStatus(),
          e.reason(),
          providerName,
          request.queryParameter(CALL_PARAMETER),
          e.getMessage());
      return WebhookResponse.rejected(e);
    }
  }

  /** For providers that sign nothing: the URL must carry Dialkit's own token for its call. */
  private void checkToken(WebhookRequest request) {
    String tenant = request.queryParameter(TENANT_PARAMETER);
    String call = request.queryParameter(CALL_PARAMETER);
    String token = request.queryParameter(TOKEN_PARAMETER);
    boolean valid;
    try {
      valid =
          tenant != null
              && call != null
              && signer.verify(TenantId.of(tenant), CallId.of(call), token);
    } catch (IllegalArgumentException e) {
      valid = false;
    }
    if (!valid) {
      throw new WebhookRejectedException(
          Reason.SIGNATURE, "missing or wrong " + TOKEN_PARAMETER + " for the call in the URL");
    }
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
      throw new WebhookRejectedException(
          Reason.UNKNOWN_PROVIDER, "no provider named '" + name + "'");
    }
    return provider;
  }

  private Call locate(CallProvider provider, WebhookRequest request, CallStatusUpdate update) {
    String tenant = request.queryParameter(TENANT_PARAMETER);
    String callId = request.queryParameter(CALL_PARAMETER);
    if (callId == null && update.callId() != null) {
      callId = update.callId().value();
    }
    Optional<Call> call = Optional.empty();
    if (callId != null) {
      if (tenant == null) {
        throw new WebhookRejectedException(
            Reason.MALFORMED,
            "the callback URL names a call but no tenant (" + TENANT_PARAMETER + ")");
      }
      try {
        call = store.findCall(TenantId.of(tenant), CallId.of(callId));
      } catch (IllegalArgumentException e) {
        throw new WebhookRejectedException(
            Reason.MALFORMED, "bad call reference: " + e.getMessage());
      }
    } else if (update.providerCallId() != null) {
      call = store.findCallByProviderId(provider.name(), update.providerCallId());
    } else if (update.providerRequestId() != null) {
      call = store.findCallByProviderId(provider.name(), update.providerRequestId());
    }
    if (call.isEmpty() || !call.get().provider().equals(provider.name())) {
      throw new WebhookRejectedException(
          Reason.UNKNOWN_CALL,
          "no call "
              + (callId != null ? callId : "with provider id " + update.providerCallId())
              + " for provider "
              + provider.name()
              + (tenant != null ? " and tenant " + tenant : ""));
    }
    return call.get();
  }
}
