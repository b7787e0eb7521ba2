package dev.dialkit.campaign;

/** No lead with this id exists for this tenant (it may exist for another tenant). */
public class LeadNotFoundException extends DialkitException {
  private final TenantId tenant;
  private final LeadId leadId;

  public LeadNotFoundException(TenantId tenant, LeadId leadId) {
    super("lead " + leadId + " not found for tenant " + tenant);
    this.tenant = tenant;
    this.leadId = leadId;
  }

  public TenantId tenant() {
    return tenant;
  }

  public LeadId leadId() {
    return leadId;
  }
}
