package dev.dialkit.campaign;

/**
 * Reads the append-only call log as timelines: every event of every call, and campaign events,
 * oldest first. Pages by offset and limit, or after a cursor ({@link PageRequest#after}) for live
 * tailing. Raw provider payloads are left out unless asked for, since they hold phone numbers.
 */
public interface CallLog {
  /** The campaign's timeline, without raw payloads. */
  default Page<TimelineEntry> forCampaign(TenantId tenant, CampaignId campaign, PageRequest page) {
    return forCampaign(tenant, campaign, page, false);
  }

  /** The campaign's timeline, with raw payloads if {@code withRawPayload}. */
  Page<TimelineEntry> forCampaign(
      TenantId tenant, CampaignId campaign, PageRequest page, boolean withRawPayload);

  /** One call's timeline, without raw payloads. */
  default Page<TimelineEntry> forCall(TenantId tenant, CallId call, PageRequest page) {
    return forCall(tenant, call, page, false);
  }

  /** One call's timeline, with raw payloads if {@code withRawPayload}. */
  Page<TimelineEntry> forCall(
      TenantId tenant, CallId call, PageRequest page, boolean withRawPayload);
}
