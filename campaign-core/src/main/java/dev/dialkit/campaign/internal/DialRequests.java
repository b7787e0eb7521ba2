package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.Webhooks;
import dev.dialkit.campaign.spi.DialRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The provider request for a claimed call: the agent with the lead's variables, correlation. */
final class DialRequests {
  private DialRequests() {}

  static DialRequest of(
      DialerSettings settings, CallbackSigner signer, Campaign campaign, Lead lead, Call call) {
    CampaignSpec spec = campaign.spec();
    Map<String, String> variables = new LinkedHashMap<>(spec.agent().variables());
    variables.putAll(lead.variables());
    PreviousCall.addTo(variables, settings.store(), call);
    Agent agent = spec.agent().withVariables(variables);
    Map<String, String> correlation = new LinkedHashMap<>();
    correlation.put(Webhooks.PROVIDER_PARAMETER, call.provider());
    correlation.put(Webhooks.TENANT_PARAMETER, call.tenant().value());
    correlation.put(Webhooks.CALL_PARAMETER, call.id().value());
    if (!settings.providers().get(call.provider()).capabilities().signsWebhooks()) {
      correlation.put(Webhooks.TOKEN_PARAMETER, signer.token(call.tenant(), call.id()));
    }
    return new DialRequest(
        call.id(),
        call.tenant(),
        call.campaignId(),
        call.from(),
        call.to(),
        agent,
        correlation,
        spec.ringTimeout(),
        spec.maxCallDuration(),
        spec.machineDetection(),
        spec.record());
  }
}
