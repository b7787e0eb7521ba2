package dev.dialkit.campaign;

/** Reads the append-only call log: every event of every call, and campaign events. */
public interface CallLog {
  /** The campaign's timeline, oldest first. */
  Page<CallLogEntry> forCampaign(TenantId tenant, CampaignId campaign, PageRequest page);

  /** One call's timeline, oldest first. */
  Page<CallLogEntry> forCall(TenantId tenant, CallId call, PageRequest page);
}
