package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;

/**
 * A call back to a lead at an instant ({@link CampaignStore#scheduleCallback}).
 *
 * @param tenant the lead's tenant
 * @param leadId the lead
 * @param at when to dial it: its {@code nextAttemptAt} from now on
 * @param refundAttempt give one attempt back (never below zero), so that the callback's own call
 *     does not count against the retry policy
 * @param now the caller's clock
 */
public record CallbackRequest(
    TenantId tenant, LeadId leadId, Instant at, boolean refundAttempt, Instant now) {
  public CallbackRequest {
    if (tenant == null || leadId == null || at == null || now == null) {
      throw new IllegalArgumentException("callback tenant, lead, time and now are required");
    }
  }
}
