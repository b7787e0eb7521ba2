package dev.dialkit.examples.dashboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.Campaign;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignProgress;
import dev.dialkit.campaign.CampaignSpec;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tenant isolation and back-pressure of the event stream, without a server. */
class EventBroadcasterTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");

  private final EventBroadcaster broadcaster =
      new EventBroadcaster(
          new ObjectMapper().registerModule(new JavaTimeModule()),
          new EventStreamSettings(3, 10, Duration.ofMinutes(1), Duration.ofMinutes(10)));

  @AfterEach
  void tearDown() {
    broadcaster.close();
  }

  @Test
  void aTenantSeesOnlyItsOwnCampaignsEvents() throws Exception {
    RecordingEmitter acme = subscribe(ACME, null, false);
    RecordingEmitter globex = subscribe(GLOBEX, null, false);
    RecordingEmitter acmeOther = subscribe(ACME, CampaignId.of("cmp-other"), false);

    broadcaster.onEvent(progress(ACME, "cmp-acme"));
    broadcaster.onEvent(progress(GLOBEX, "cmp-globex"));

    assertThat(acme.awaitFrames(1)).isTrue();
    assertThat(globex.awaitFrames(1)).isTrue();
    assertThat(acme.frames.get(0)).contains("ProgressUpdated", "cmp-acme").doesNotContain("globex");
    assertThat(globex.frames.get(0)).contains("cmp-globex").doesNotContain("acme");
    broadcaster.onEvent(progress(ACME, "cmp-other"));
    assertThat(acmeOther.awaitFrames(1)).isTrue();
    assertThat(acmeOther.frames).hasSize(1); // cmp-acme's event was not for it
    assertThat(acmeOther.frames.get(0)).contains("cmp-other");
  }

  @Test
  void aClientThatStopsReadingIsDroppedWithoutHoldingTheDialer() throws Exception {
    RecordingEmitter stuck = subscribe(ACME, null, true, 3);
    RecordingEmitter healthy = subscribe(ACME, null, false, 100);

    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          for (int i = 0; i < 50; i++) {
            broadcaster.onEvent(progress(ACME, "cmp-" + i));
          }
        });

    assertThat(stuck.completed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(broadcaster.subscriberCount()).isEqualTo(1);
    assertThat(healthy.awaitFrames(50)).isTrue();
    stuck.release();
  }

  @Test
  void subscribersBeyondTheLimitAreRefused() {
    for (int i = 0; i < 10; i++) {
      subscribe(ACME, null, false);
    }

    assertThat(broadcaster.add(new Subscriber(ACME, null, new RecordingEmitter(false), 3)))
        .isFalse();
  }

  private RecordingEmitter subscribe(TenantId tenant, CampaignId campaign, boolean stuck) {
    return subscribe(tenant, campaign, stuck, 10);
  }

  private RecordingEmitter subscribe(
      TenantId tenant, CampaignId campaign, boolean stuck, int capacity) {
    RecordingEmitter emitter = new RecordingEmitter(stuck);
    assertThat(broadcaster.add(new Subscriber(tenant, campaign, emitter, capacity))).isTrue();
    return emitter;
  }

  private static DialkitEvent progress(TenantId tenant, String campaign) {
    CampaignSpec spec =
        CampaignSpec.builder()
            .name("c")
            .agent(Agent.answerUrl("https://agent.example.com/a"))
            .callerIds("+14155550100")
            .build();
    Campaign draft = Campaign.draft(CampaignId.of(campaign), tenant, spec, NOW);
    return new DialkitEvent.ProgressUpdated(CampaignProgress.of(draft, NOW), NOW);
  }
}
