package dev.dialkit.campaign;

import java.time.Duration;

/**
 * Told what the dialer does that {@link DialkitEvent}s do not say: each claim with the store's
 * latency, each call handed to placing, each failed create request, each webhook with its result
 * and latency. It is the hook for metrics ({@code dialkit-micrometer} implements it); calls by
 * outcome and campaign progress come from the events.
 *
 * <p>Register one or several with {@link CampaignDialerBuilder#observer(DialerObserver)}. Every
 * method does nothing by default, so an implementation overrides what it needs and keeps compiling
 * when methods are added.
 *
 * <p><b>Called on the dialer's own threads</b>, in the middle of claiming, placing and handling
 * webhooks: an implementation must be fast and must not block (increment a counter, record a timer;
 * never write to a database or the network). It may be called from several threads at once. An
 * exception it throws is caught and logged once per kind of observation, and never breaks dialing
 * or a webhook.
 */
public interface DialerObserver {

  /** The dialer asked the store for leads of {@code campaign} ({@code claimBatch}). */
  default void claimed(Claim claim) {}

  /** A claimed call was handed to placing: its create request follows unless it is released. */
  default void callPlaced(Placed placed) {}

  /**
   * A placement failed and its call log has a {@code CALL_PLACE_FAILED} entry: the provider refused
   * the call for good, refused it for now (it is sent again after a backoff) or answered
   * ambiguously. A refusal that fails the call over to another provider writes no such entry;
   * {@link #providerAnswered} sees every answer.
   */
  default void placeFailed(PlaceFailure failure) {}

  /** A provider answered a create request, or failed to: every request sent is told once. */
  default void providerAnswered(ProviderAnswer answer) {}

  /** A webhook was handled, whatever its result. */
  default void webhookHandled(Webhook webhook) {}

  /** A store operation failed with a {@link StoreException}. */
  default void storeFailed(StoreFailure failure) {}

  /**
   * One claim.
   *
   * @param leadsClaimed the leads the claim took: 0 if it was denied (a limit, no due lead), up to
   *     {@link dev.dialkit.campaign.spi.CampaignStore#MAX_CLAIM_BATCH} for a batch
   * @param passedOver due leads passed over by the claim (do-not-call list, attempt caps)
   * @param provider the provider the call goes through
   * @param storeLatency how long the store took to answer, measured with a monotonic clock
   */
  record Claim(
      TenantId tenant,
      CampaignId campaign,
      String provider,
      int leadsClaimed,
      int passedOver,
      Duration storeLatency) {
    public Claim {
      requireAll(tenant, campaign, provider, storeLatency);
      if (leadsClaimed < 0 || passedOver < 0) {
        throw new IllegalArgumentException(
            "leadsClaimed and passedOver must be >= 0, were " + leadsClaimed + ", " + passedOver);
      }
    }
  }

  /** One call handed to placing through {@code provider}. */
  record Placed(TenantId tenant, CampaignId campaign, CallId call, String provider) {
    public Placed {
      requireAll(tenant, campaign, call, provider);
    }
  }

  /**
   * One failed create request.
   *
   * @param callEnded whether the call ended {@code FAILED}; otherwise it stays open: it is sent
   *     again after a backoff (a transient refusal) or, if the provider may have acted on it, the
   *     provider is asked about it before any new attempt
   */
  record PlaceFailure(
      TenantId tenant, CampaignId campaign, CallId call, String provider, boolean callEnded) {
    public PlaceFailure {
      requireAll(tenant, campaign, call, provider);
    }
  }

  /**
   * A provider's answer to one create request.
   *
   * @param failure why it failed, or {@code null} when the provider accepted the call; {@link
   *     FailureReason#PROVIDER_ERROR} for a failure that was no {@link ProviderException}
   * @param latency how long the provider took
   */
  record ProviderAnswer(String provider, FailureReason failure, Duration latency) {
    public ProviderAnswer {
      requireAll(provider, latency);
    }

    public boolean accepted() {
      return failure == null;
    }
  }

  /**
   * One webhook.
   *
   * @param provider the provider it came through, or {@code "unknown"} when it named none of this
   *     dialer's (never the name a stranger sent)
   * @param latency how long handling took, measured with a monotonic clock
   */
  record Webhook(String provider, WebhookResult result, Duration latency) {
    /** The provider name of a webhook that named no provider of this dialer. */
    public static final String UNKNOWN_PROVIDER = "unknown";

    public Webhook {
      requireAll(provider, result, latency);
    }
  }

  /**
   * One failed store operation.
   *
   * @param operation the {@link dev.dialkit.campaign.spi.CampaignStore} method, such as {@code
   *     claimNext}
   * @param isTransient whether retrying may help
   */
  record StoreFailure(String operation, boolean isTransient) {
    public StoreFailure {
      requireAll(operation);
    }
  }

  private static void requireAll(Object... values) {
    for (Object value : values) {
      if (value == null) {
        throw new IllegalArgumentException("observation fields are required");
      }
    }
  }
}
