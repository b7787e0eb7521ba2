package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CallLog;
import dev.dialkit.campaign.Calls;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.Campaigns;
import dev.dialkit.campaign.DialerHealth;
import dev.dialkit.campaign.Leads;
import dev.dialkit.campaign.Suppressions;
import dev.dialkit.campaign.Webhooks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The starter's dialer, wrapped to record when it is started and closed: into a shared event list
 * (that other beans write to as well), and whether the web server answered at start and at the
 * first close.
 */
final class RecordingDialer implements CampaignDialer {
  private final CampaignDialer dialer;
  private final List<String> events;
  private final BooleanSupplier serverAnswers;
  volatile Boolean serverAnsweredAtStart;
  volatile Boolean serverAnsweredAtClose;

  RecordingDialer(CampaignDialer dialer, List<String> events, BooleanSupplier serverAnswers) {
    this.dialer = dialer;
    this.events = events;
    this.serverAnswers = serverAnswers;
  }

  static List<String> newEventList() {
    return new CopyOnWriteArrayList<>();
  }

  @Override
  public void start() {
    serverAnsweredAtStart = serverAnswers.getAsBoolean();
    events.add("dialer started");
    dialer.start();
  }

  @Override
  public void close() {
    if (serverAnsweredAtClose == null) {
      serverAnsweredAtClose = serverAnswers.getAsBoolean();
    }
    events.add("dialer closed");
    dialer.close();
  }

  @Override
  public String instanceId() {
    return dialer.instanceId();
  }

  @Override
  public Campaigns campaigns() {
    return dialer.campaigns();
  }

  @Override
  public Leads leads() {
    return dialer.leads();
  }

  @Override
  public Suppressions suppressions() {
    return dialer.suppressions();
  }

  @Override
  public Calls calls() {
    return dialer.calls();
  }

  @Override
  public CallLog callLog() {
    return dialer.callLog();
  }

  @Override
  public DialerHealth health() {
    return dialer.health();
  }

  @Override
  public Webhooks webhooks() {
    return dialer.webhooks();
  }
}
