package dev.dialkit.spring.boot;

/** {@code dialkit.metrics.*}. */
public class MetricsProperties {
  /**
   * Whether Dialkit's meters are registered (when dialkit-micrometer and a MeterRegistry are
   * present).
   */
  private boolean enabled = true;

  /**
   * How many campaigns get a tag of their own before the others share the tag 'other', bounding the
   * meters' cardinality. Default 100 (dialkit-micrometer's).
   */
  private Integer maxCampaignTags;

  /**
   * How many tenants get a tag of their own before the others share the tag 'other'. Default 100
   * (dialkit-micrometer's).
   */
  private Integer maxTenantTags;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getMaxCampaignTags() {
    return maxCampaignTags;
  }

  public void setMaxCampaignTags(Integer maxCampaignTags) {
    this.maxCampaignTags = maxCampaignTags;
  }

  public Integer getMaxTenantTags() {
    return maxTenantTags;
  }

  public void setMaxTenantTags(Integer maxTenantTags) {
    this.maxTenantTags = maxTenantTags;
  }
}
