package dev.dialkit.testkit.internal.fuzz;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CampaignCounters;
import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.PageRequest;
import dev.dialkit.campaign.TenantId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a webhook can change, for the calls a fuzzer aims at and their campaigns: each call as
 * stored, each campaign's counters and the length of its log.
 */
public record WorldState(Map<Call, Call> calls, Map<Campaign, CampaignState> campaigns) {

  /** A campaign of a tenant. */
  public record Campaign(TenantId tenant, CampaignId id) {}

  /** A campaign's counters and how many entries its log holds. */
  public record CampaignState(CampaignCounters counters, long logEntries) {}

  /** The state now, of {@code tracked} (as first seen) and their campaigns. */
  public static WorldState of(CampaignDialer dialer, List<Call> tracked) {
    Map<Call, Call> calls = new LinkedHashMap<>();
    Map<Campaign, CampaignState> campaigns = new LinkedHashMap<>();
    for (Call call : tracked) {
      calls.put(call, dialer.calls().get(call.tenant(), call.id()).orElse(null));
      campaigns.computeIfAbsent(
          new Campaign(call.tenant(), call.campaignId()),
          c ->
              new CampaignState(
                  dialer.campaigns().get(c.tenant(), c.id()).counters(),
                  dialer.callLog().forCampaign(c.tenant(), c.id(), PageRequest.of(0, 1)).total()));
    }
    return new WorldState(calls, campaigns);
  }

  /** Throws unless nothing changed since {@code before}. */
  public void requireSameAs(WorldState before, String message) {
    if (!equals(before)) {
      throw new AssertionError(message + "\nbefore: " + before + "\nafter: " + this);
    }
  }

  /**
   * Throws if anything of a tenant other than {@code tenant} (the raw value a URL named, possibly
   * null or not a valid id) changed since {@code before}.
   */
  public void requireSameOutside(WorldState before, String tenant, String message) {
    calls.forEach(
        (key, now) -> {
          if (!key.tenant().value().equals(tenant) && !same(now, before.calls.get(key))) {
            throw new AssertionError(
                message + "\nbefore: " + before.calls.get(key) + "\nafter: " + now);
          }
        });
    campaigns.forEach(
        (key, now) -> {
          if (!key.tenant().value().equals(tenant) && !now.equals(before.campaigns.get(key))) {
            throw new AssertionError(
                message + "\nbefore: " + before.campaigns.get(key) + "\nafter: " + now);
          }
        });
  }

  /** Throws if a counter of any campaign is negative. */
  public void requireNoNegativeCounter(String context) {
    campaigns.forEach(
        (key, state) ->
            state
                .counters()
                .values()
                .forEach(
                    (counter, value) -> {
                      if (value < 0) {
                        throw new AssertionError(
                            counter + " of " + key + " is " + value + " after " + context);
                      }
                    }));
  }

  private static boolean same(Call a, Call b) {
    return a == null ? b == null : a.equals(b);
  }
}
