package dev.dialkit.campaign;

import java.util.List;

/** Adds leads to campaigns and reads them back. */
public interface Leads {
  /**
   * Adds leads to a campaign that is not final. A number already in the campaign, or repeated in
   * {@code leads}, is not added again and is reported as a duplicate; the others are all added.
   * Each lead is queued with the priority the dialer's {@link PriorityPolicy} gives it, in its own
   * time zone if given, else the zone of its number, else the zone of the campaign's calling
   * window.
   *
   * <p>The whole batch is checked before any of it is stored: a rejected batch changes nothing.
   * Each lead's fields were checked when it was made ({@link NewLead}).
   *
   * @throws InvalidLeadException if {@code leads} is null (row 0) or holds a null lead (its 1-based
   *     row)
   * @throws InvalidConfigurationException if {@code tenant} or {@code campaign} is null
   * @throws CampaignNotFoundException if the tenant has no such campaign
   * @throws IllegalCampaignStateException if the campaign is completed, canceled or failed
   */
  ImportReport add(TenantId tenant, CampaignId campaign, List<NewLead> leads);

  /** The lead, if the tenant has it. */
  java.util.Optional<Lead> get(TenantId tenant, LeadId lead);

  /**
   * Why the dialer dialed, defers or skipped this lead, as of now.
   *
   * @throws LeadNotFoundException if the tenant has no such lead
   */
  DialDecision decision(TenantId tenant, LeadId lead);

  /** A page of the campaign's leads in insertion order. */
  Page<Lead> list(TenantId tenant, CampaignId campaign, PageRequest page);
}
