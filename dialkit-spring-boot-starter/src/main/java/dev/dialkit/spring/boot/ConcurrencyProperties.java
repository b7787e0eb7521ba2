package dev.dialkit.spring.boot;

/** {@code dialkit.concurrency.*}: the {@code ConcurrencyPolicy}. */
public class ConcurrencyProperties {
  /** Calls in progress across all tenants, shared by every instance on one store; at least 1. */
  private int global = 10;

  /** Calls in progress per tenant; at least 1. */
  private int perTenant = 2;

  /**
   * Calls in progress per campaign; at least 1. Default: no limit of its own (a campaign's own
   * maxConcurrentCalls may still lower it).
   */
  private Integer perCampaign;

  public int getGlobal() {
    return global;
  }

  public void setGlobal(int global) {
    this.global = global;
  }

  public int getPerTenant() {
    return perTenant;
  }

  public void setPerTenant(int perTenant) {
    this.perTenant = perTenant;
  }

  public Integer getPerCampaign() {
    return perCampaign;
  }

  public void setPerCampaign(Integer perCampaign) {
    this.perCampaign = perCampaign;
  }
}
