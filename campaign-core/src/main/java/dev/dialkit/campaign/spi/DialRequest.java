package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a provider needs to place one call.
 *
 * @param callId Dialkit's id of the call
 * @param tenant the campaign's tenant
 * @param campaignId the campaign
 * @param from the caller id
 * @param to the number to dial
 * @param agent what answers, with the lead's variables merged over the agent's
 * @param callbackParameters query parameters the provider must append to every callback URL it
 *     gives for this call ({@link CallbackUrls#withParameters}), so that each webhook names its
 *     call even before the create request returns
 * @param ringTimeout how long to ring before giving up
 * @param maxCallDuration the longest the call may last once answered
 * @param machineDetection whether to detect answering machines
 * @param record whether to record the call
 */
public record DialRequest(
    CallId callId,
    TenantId tenant,
    CampaignId campaignId,
    PhoneNumber from,
    PhoneNumber to,
    Agent agent,
    Map<String, String> callbackParameters,
    Duration ringTimeout,
    Duration maxCallDuration,
    boolean machineDetection,
    boolean record) {

  public DialRequest {
    if (callId == null || tenant == null || campaignId == null || from == null || to == null) {
      throw new IllegalArgumentException(
          "dial request call, tenant, campaign, from and to are required");
    }
    if (agent == null || ringTimeout == null || maxCallDuration == null) {
      throw new IllegalArgumentException(
          "dial request agent, ringTimeout and maxCallDuration are required");
    }
    callbackParameters = Map.copyOf(callbackParameters);
  }
}
