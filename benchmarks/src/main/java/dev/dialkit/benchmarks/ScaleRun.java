package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.TenantId;

/** What the scale runs share: their tenant, their campaign and their leads' numbers. */
final class ScaleRun {
  static final TenantId TENANT = TenantId.of("scale");

  private ScaleRun() {}

  static CampaignSpec spec(String name) {
    return CampaignSpec.builder()
        .name(name)
        .agent(Agent.answerUrl("https://agent.example.com/answer"))
        .callerIds("+14155550100", "+14155550101")
        .build();
  }

  /** The number of lead {@code i}: distinct numbers in a valid New York range, i < 8,000,000. */
  static String number(int i) {
    return String.format("+1212%07d", 2_000_000 + i);
  }

  /**
   * Waits up to {@code seconds} for the campaign to reach {@code status}, checking every 100 ms (a
   * main program's wait: the dialer moves the campaign on its own threads); the status it has then.
   */
  static CampaignStatus awaitStatus(
      CampaignDialer dialer, CampaignId id, CampaignStatus status, int seconds)
      throws InterruptedException {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    CampaignStatus now = dialer.campaigns().get(TENANT, id).status();
    while (now != status && System.nanoTime() < until) {
      Thread.sleep(100);
      now = dialer.campaigns().get(TENANT, id).status();
    }
    return now;
  }
}
