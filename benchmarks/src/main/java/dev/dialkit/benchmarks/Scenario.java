package dev.dialkit.benchmarks;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One campaign to dial, the same for every algorithm: its leads, its concurrency limit, and a
 * simulated provider whose n-th call follows the same script for a given seed, whoever places it.
 */
record Scenario(int leads, int limit, long seed) {
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  static final TenantId TENANT = TenantId.of("bench");
  static final Agent AGENT = Agent.answerUrl("https://agent.example.com/answer");
  static final List<PhoneNumber> CALLER_IDS =
      List.of(PhoneNumber.of("+14155550100"), PhoneNumber.of("+14155550101"));
  static final Duration TALK_TIME_MEAN = Duration.ofSeconds(45);
  static final double TALK_TIME_SIGMA = 0.6;
  static final double NO_ANSWER = 0.30;
  static final Duration RING_TIMEOUT = Duration.ofSeconds(30);

  /** Guards the drive loops against a campaign that never ends. */
  static final Duration GIVE_UP_AFTER = Duration.ofDays(30);

  /** How far each drive loop moves virtual time between checks. */
  static final Duration STEP = Duration.ofSeconds(10);

  /** Whether a drive loop at {@code now} has run for longer than {@link #GIVE_UP_AFTER}. */
  static boolean gaveUp(Instant now) {
    return Duration.between(START, now).compareTo(GIVE_UP_AFTER) > 0;
  }

  static Scenario of(BenchmarkOptions options) {
    return new Scenario(options.leads(), options.limit(), options.seed());
  }

  Scenario withLeads(int n) {
    return new Scenario(n, limit, seed);
  }

  /** Lognormal talk time, 30 % no answer, everyone else answers; default ring times. */
  SimulatedCallProvider provider(VirtualClock clock, ManualScheduler scheduler) {
    return SimulatedCallProvider.builder()
        .clock(clock)
        .scheduler(scheduler)
        .seed(seed)
        .talkTime(TALK_TIME_MEAN, TALK_TIME_SIGMA)
        .outcomeOdds(0, 0, NO_ANSWER, 0)
        .build();
  }

  CampaignSpec campaignSpec(String name) {
    return CampaignSpec.builder()
        .name(name)
        .agent(AGENT)
        .callerIds(CALLER_IDS)
        .ringTimeout(RING_TIMEOUT)
        .build();
  }

  /** The number of lead {@code i}: distinct numbers in a valid New York range. */
  static String number(int i) {
    return String.format("+1212%07d", 2_000_000 + i);
  }

  List<NewLead> newLeads() {
    List<NewLead> all = new ArrayList<>(leads);
    for (int i = 0; i < leads; i++) {
      all.add(NewLead.of(number(i), "Lead " + i));
    }
    return all;
  }
}
