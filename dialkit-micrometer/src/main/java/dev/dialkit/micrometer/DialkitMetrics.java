package dev.dialkit.micrometer;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.DialkitListener;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.InvalidConfigurationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * Micrometer meters for one Dialkit dialer. Register it with the dialer both as a listener and as
 * an observer, and bind it to a registry:
 *
 * <pre>{@code
 * DialkitMetrics metrics = DialkitMetrics.builder().maxCampaignTags(200).build();
 * metrics.bindTo(registry);
 * CampaignDialer dialer = CampaignDialer.builder()
 *     .store(store).provider(provider)
 *     .listener(metrics)
 *     .observer(metrics)
 *     .build();
 * }</pre>
 *
 * <p>The meters and their tags are listed in this module's README. Tenant and campaign tags are
 * bounded: beyond {@link Builder#maxTenantTags} tenants and {@link Builder#maxCampaignTags}
 * campaigns the tag is {@value #OTHER}, so a host with thousands of campaigns keeps a bounded
 * number of series. What is observed before {@link #bindTo} is not counted; binding to several
 * registries feeds them all.
 *
 * <p>The observer methods run on the dialer's threads and only update meters; the listener runs on
 * the dialer's listener threads.
 */
public final class DialkitMetrics implements MeterBinder, DialkitListener, DialerObserver {
  /** The tag value that stands for every tenant or campaign beyond the limit. */
  public static final String OTHER = "other";

  /** {@value}: campaigns with a tag of their own. */
  public static final int DEFAULT_MAX_CAMPAIGN_TAGS = 100;

  /** {@value}: tenants with a tag of their own. */
  public static final int DEFAULT_MAX_TENANT_TAGS = 100;

  /** {@value}: the first part of every meter name. */
  public static final String DEFAULT_PREFIX = "dialkit";

  private final MeterNames names;
  private final Scopes scopes;
  private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
  private final ProgressMeters progress;

  private DialkitMetrics(Builder b) {
    this.names = new MeterNames(b.prefix, b.tagPrefix);
    this.scopes = new Scopes(names, b.maxTenantTags, b.maxCampaignTags);
    this.progress = new ProgressMeters(registry, names, scopes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** With every default. */
  public static DialkitMetrics defaults() {
    return builder().build();
  }

  /** Feeds the meters to {@code target} too; meters already made appear there at once. */
  @Override
  public void bindTo(MeterRegistry target) {
    if (target == null) {
      throw new InvalidConfigurationException("registry", null, "is required");
    }
    registry.add(target);
  }

  @Override
  public void onEvent(DialkitEvent event) {
    if (event instanceof DialkitEvent.CampaignEvent campaign) {
      progress.progress(campaign.progress());
    } else if (event instanceof DialkitEvent.CallUpdated updated) {
      callUpdated(updated.call(), updated.previousStatus());
    }
  }

  /** A call that reached its end now counts once by outcome; a call released unsent never did. */
  private void callUpdated(Call call, CallStatus previous) {
    if (!call.status().isTerminal()
        || (previous != null && previous.isTerminal())
        || call.failureReason() == FailureReason.NOT_DIALED) {
      return;
    }
    Counter.builder(names.callsEnded())
        .description("calls that ended, by outcome")
        .tags(scopes.of(call.tenant(), call.campaignId()))
        .tag(names.outcome(), call.status().name())
        .register(registry)
        .increment();
  }

  @Override
  public void claimed(Claim claim) {
    Timer.builder(names.claims())
        .description("claims (a batch of leads each) from the store, and how long the store took")
        .tags(scopes.of(claim.tenant(), claim.campaign()))
        .tag(names.result(), claim.leadsClaimed() > 0 ? "claimed" : "denied")
        .register(registry)
        .record(claim.storeLatency());
  }

  @Override
  public void callPlaced(Placed placed) {
    Counter.builder(names.callsPlaced())
        .description("claimed calls handed to placing")
        .tags(scopes.of(placed.tenant(), placed.campaign()))
        .tag(names.provider(), placed.provider())
        .register(registry)
        .increment();
  }

  @Override
  public void placeFailed(PlaceFailure failure) {
    Counter.builder(names.placeFailures())
        .description("failed create requests; ended=false when the call is tried again")
        .tags(scopes.of(failure.tenant(), failure.campaign()))
        .tags(names.provider(), failure.provider(), names.ended(), bool(failure.callEnded()))
        .register(registry)
        .increment();
  }

  @Override
  public void providerAnswered(ProviderAnswer answer) {
    Timer.builder(names.providerRequests())
        .description("create requests sent to a provider, by its answer, and how long it took")
        .tags(
            names.provider(),
            answer.provider(),
            names.result(),
            answer.accepted() ? "ACCEPTED" : answer.failure().name())
        .register(registry)
        .record(answer.latency());
  }

  @Override
  public void webhookHandled(Webhook webhook) {
    Timer.builder(names.webhooks())
        .description("webhooks handled, by provider and result, and how long each took")
        .tags(names.provider(), webhook.provider(), names.result(), webhook.result().name())
        .register(registry)
        .record(webhook.latency());
  }

  @Override
  public void storeFailed(StoreFailure failure) {
    Counter.builder(names.storeFailures())
        .description("store operations that failed")
        .tags(
            names.operation(),
            failure.operation(),
            names.isTransient(),
            bool(failure.isTransient()))
        .register(registry)
        .increment();
  }

  private static String bool(boolean value) {
    return value ? "true" : "false";
  }

  /** The settings of {@link DialkitMetrics}; each setter checks its value. */
  public static final class Builder {
    private int maxCampaignTags = DEFAULT_MAX_CAMPAIGN_TAGS;
    private int maxTenantTags = DEFAULT_MAX_TENANT_TAGS;
    private String prefix = DEFAULT_PREFIX;
    private String tagPrefix = "";

    private Builder() {}

    /** Campaigns with a tag of their own; default 100, 0 to 10,000 (0: every one is "other"). */
    public Builder maxCampaignTags(int max) {
      this.maxCampaignTags = range("maxCampaignTags", max);
      return this;
    }

    /** Tenants with a tag of their own; default 100, 0 to 10,000 (0: every one is "other"). */
    public Builder maxTenantTags(int max) {
      this.maxTenantTags = range("maxTenantTags", max);
      return this;
    }

    /** The first part of every meter name; default {@code dialkit}: lower case, dot-separated. */
    public Builder prefix(String prefix) {
      this.prefix = name("prefix", prefix, false);
      return this;
    }

    /**
     * Put before every tag key ({@code tenant} becomes {@code dialkit.tenant} with {@code
     * "dialkit."}); default empty.
     */
    public Builder tagPrefix(String tagPrefix) {
      this.tagPrefix = name("tagPrefix", tagPrefix, true);
      return this;
    }

    public DialkitMetrics build() {
      return new DialkitMetrics(this);
    }

    private static int range(String field, int value) {
      if (value < 0 || value > 10_000) {
        throw new InvalidConfigurationException(field, value, "must be between 0 and 10000");
      }
      return value;
    }

    private static String name(String field, String value, boolean mayBeEmpty) {
      String pattern =
          mayBeEmpty ? "([a-z][a-z0-9_]*\\.)*" : "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*";
      if (value == null || value.length() > 64 || !value.matches(pattern)) {
        throw new InvalidConfigurationException(
            field,
            value == null ? null : value.substring(0, Math.min(value.length(), 64)),
            "must be lower-case words separated by dots"
                + (mayBeEmpty ? ", ending with a dot, or empty" : ""));
      }
      return value;
    }
  }
}
