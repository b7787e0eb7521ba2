package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallLog;
import dev.dialkit.campaign.Calls;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.Campaigns;
import dev.dialkit.campaign.DialerSettings;
import dev.dialkit.campaign.Leads;
import dev.dialkit.campaign.Webhooks;

/** Placeholder until the executor lands in this branch. */
public final class DefaultCampaignDialer implements CampaignDialer {
  public DefaultCampaignDialer(DialerSettings settings) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void start() {}

  @Override
  public void close() {}

  @Override
  public String instanceId() {
    return null;
  }

  @Override
  public Campaigns campaigns() {
    return null;
  }

  @Override
  public Leads leads() {
    return null;
  }

  @Override
  public Calls calls() {
    return null;
  }

  @Override
  public CallLog callLog() {
    return null;
  }

  @Override
  public Webhooks webhooks() {
    return null;
  }
}
