package dev.dialkit.campaign;

/**
 * How many calls may be in progress at once: across the whole dialer ({@code global}, shared by
 * every instance on one store), per tenant, and per campaign. A call needs a free slot under every
 * limit at once. Build with {@link #builder()}; the defaults are the public {@code DEFAULT_*}
 * constants.
 *
 * @param global calls in progress across all tenants, >= 1
 * @param perTenant calls in progress per tenant, >= 1
 * @param perCampaign calls in progress per campaign, >= 1 ({@link Integer#MAX_VALUE}: no limit of
 *     its own); a campaign's own {@code maxConcurrentCalls} may lower it further
 */
public record ConcurrencyPolicy(int global, int perTenant, int perCampaign) {
  /** {@value}: the global limit when none is set. */
  public static final int DEFAULT_GLOBAL = 10;

  /** {@value}: the per-tenant limit when none is set. */
  public static final int DEFAULT_PER_TENANT = 2;

  /** No per-campaign limit of its own unless set. */
  public static final int DEFAULT_PER_CAMPAIGN = Integer.MAX_VALUE;

  public ConcurrencyPolicy {
    InvalidConfigurationException.atLeast("global", global, 1);
    InvalidConfigurationException.atLeast("perTenant", perTenant, 1);
    InvalidConfigurationException.atLeast("perCampaign", perCampaign, 1);
  }

  public static ConcurrencyPolicy defaults() {
    return new ConcurrencyPolicy(DEFAULT_GLOBAL, DEFAULT_PER_TENANT, DEFAULT_PER_CAMPAIGN);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from {@code existing}. */
  public static Builder from(ConcurrencyPolicy existing) {
    return new Builder()
        .global(existing.global)
        .perTenant(existing.perTenant)
        .perCampaign(existing.perCampaign);
  }

  /** The limit that applies to a campaign whose own limit is {@code campaignMax} (or null). */
  public int campaignLimit(Integer campaignMax) {
    return campaignMax == null ? perCampaign : Math.min(perCampaign, campaignMax);
  }

  /** Builds a {@link ConcurrencyPolicy}; each setter checks its range. */
  public static final class Builder {
    private int global = DEFAULT_GLOBAL;
    private int perTenant = DEFAULT_PER_TENANT;
    private int perCampaign = DEFAULT_PER_CAMPAIGN;

    private Builder() {}

    /** Calls in progress across all tenants; default {@value #DEFAULT_GLOBAL}. */
    public Builder global(int global) {
      this.global = InvalidConfigurationException.atLeast("global", global, 1);
      return this;
    }

    /** Calls in progress per tenant; default {@value #DEFAULT_PER_TENANT}. */
    public Builder perTenant(int perTenant) {
      this.perTenant = InvalidConfigurationException.atLeast("perTenant", perTenant, 1);
      return this;
    }

    /** Calls in progress per campaign; default unlimited. */
    public Builder perCampaign(int perCampaign) {
      this.perCampaign = InvalidConfigurationException.atLeast("perCampaign", perCampaign, 1);
      return this;
    }

    public ConcurrencyPolicy build() {
      return new ConcurrencyPolicy(global, perTenant, perCampaign);
    }
  }
}
