package dev.dialkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallerIdHealth;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.CampaignStatus;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.DialDecision;
import dev.dialkit.campaign.DialkitEvent;
import dev.dialkit.campaign.DialkitEvent.CallerIdRested;
import dev.dialkit.campaign.DialkitEvent.CallerIdRestored;
import dev.dialkit.campaign.DialkitEvent.CampaignAwaitingCallerIds;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadState;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import dev.dialkit.campaign.spi.DialRequest;
import dev.dialkit.campaign.spi.PlacedCall;
import dev.dialkit.campaign.spi.ProviderCapabilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Health-aware caller ids: rested when failing, skipped by the rotation, used again after. */
class CallerIdHealthTest {
  private static final ConcurrencyPolicy ONE =
      ConcurrencyPolicy.builder().global(1).perTenant(1).build();
  private static final PhoneNumber FIRST = new PhoneNumber("+14155550199");
  private static final PhoneNumber SECOND = new PhoneNumber("+14155550198");

  @Test
  void aCallerIdWhoseCallsAreMostlyRefusedIsRestedAfterTheThresholdAndSkipped() {
    CallerIdHealth health =
        CallerIdHealth.builder()
            .window(4)
            .minCalls(3)
            .threshold(0.9)
            .restFor(Duration.ofHours(1))
            .build();
    Guarded[] guarded = new Guarded[1];
    try (DialerRig rig = rig(p -> p.outcomeOdds(0, 0, 0, 0), health, guarded)) {
      guarded[0].refuse.put(FIRST, FailureReason.REJECTED);
      CampaignId id = rig.startCampaign("refused", 10, s -> s.provider("guarded"));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      // round-robin until the third refusal of FIRST, then only SECOND
      assertThat(guarded[0].fromNumbers())
          .containsExactly(
              "0199", "0198", "0199", "0198", "0199", "0198", "0198", "0198", "0198", "0198");
      List<CallerIdRested> rested = events(rig, CallerIdRested.class);
      assertThat(rested).hasSize(1);
      assertThat(rested.get(0).callerId()).isEqualTo(FIRST);
      assertThat(rested.get(0).tenant()).isEqualTo(DialerRig.TENANT);
      assertThat(rested.get(0).reason())
          .contains("3 of its last 3 calls were unanswered or refused")
          .contains("***0199")
          .doesNotContain("4155550199");
      assertThat(rested.get(0).until()).isEqualTo(rested.get(0).occurredAt().plusSeconds(3600));
      assertThat(events(rig, CampaignAwaitingCallerIds.class)).isEmpty();
    }
  }

  @Test
  void aBlockedCallerIdIsRestedAtOnceAndUsedAgainAfterItsRest() {
    CallerIdHealth health = CallerIdHealth.builder().restFor(Duration.ofHours(1)).build();
    Guarded[] guarded = new Guarded[1];
    try (DialerRig rig =
        rig(p -> p.outcomeOdds(0, 0, 0, 0).talkTime(Duration.ofMinutes(20), 0), health, guarded)) {
      guarded[0].refuse.put(FIRST, FailureReason.CALLER_ID_BLOCKED);
      CampaignId id = rig.startCampaign("blocked", 6, s -> s.provider("guarded"));
      rig.scheduler.runUntil(() -> guarded[0].attempts.size() == 2);
      guarded[0].refuse.clear(); // the carrier lifts the block; Dialkit does not know yet
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);

      List<CallerIdRested> rested = events(rig, CallerIdRested.class);
      assertThat(rested).as("rested at the first block").hasSize(1);
      assertThat(rested.get(0).callerId()).isEqualTo(FIRST);
      assertThat(rested.get(0).reason()).contains("blocked or labelled as spam").contains("608");
      List<CallerIdRestored> restored = events(rig, CallerIdRestored.class);
      assertThat(restored).hasSize(1);
      assertThat(restored.get(0).callerId()).isEqualTo(FIRST);
      assertThat(restored.get(0).occurredAt()).isEqualTo(rested.get(0).until());

      Instant restedAt = rested.get(0).occurredAt();
      Instant back = restored.get(0).occurredAt();
      List<Attempt> attempts = guarded[0].attempts;
      assertThat(attempts.get(0).from()).isEqualTo(FIRST);
      assertThat(attempts)
          .filteredOn(a -> a.at().isAfter(restedAt) && a.at().isBefore(back))
          .isNotEmpty()
          .allSatisfy(a -> assertThat(a.from()).isEqualTo(SECOND));
      assertThat(attempts)
          .filteredOn(a -> !a.at().isBefore(back))
          .as("used again after its rest")
          .anySatisfy(a -> assertThat(a.from()).isEqualTo(FIRST));
    }
  }

  @Test
  void withEveryCallerIdRestedTheCampaignWaitsSaysWhyOnceAndResumesWhenOneIsBack() {
    CallerIdHealth health =
        CallerIdHealth.builder()
            .window(2)
            .minCalls(2)
            .threshold(1.0)
            .restFor(Duration.ofMinutes(10))
            .build();
    Guarded[] guarded = new Guarded[1];
    try (DialerRig rig = rig(p -> p.outcomeOdds(0, 0, 1.0, 0), health, guarded)) {
      CampaignId id = rig.startCampaign("unanswered", 8, s -> s.provider("guarded"));
      // FIRST rests after calls 1 and 3 went unanswered, SECOND after calls 2 and 4
      rig.scheduler.runUntil(() -> events(rig, CallerIdRested.class).size() == 2);
      rig.scheduler.advance(Duration.ofMinutes(5));

      assertThat(guarded[0].attempts).hasSize(4);
      CampaignAwaitingCallerIds awaiting = single(rig, CampaignAwaitingCallerIds.class);
      CallerIdRested firstRest = events(rig, CallerIdRested.class).get(0);
      assertThat(firstRest.callerId()).isEqualTo(FIRST);
      assertThat(awaiting.until()).isEqualTo(firstRest.until());
      assertThat(awaiting.campaignId()).isEqualTo(id);
      assertThat(rig.status(id)).isEqualTo(CampaignStatus.RUNNING);
      Lead waiting =
          rig.allLeads(id).stream().filter(l -> l.state() == LeadState.QUEUED).findFirst().get();
      DialDecision decision = rig.dialer.leads().decision(DialerRig.TENANT, waiting.id());
      assertThat(decision.kind()).isEqualTo(DialDecision.Kind.DEFERRED);
      assertThat(decision.reason()).isEqualTo(DialDecision.Reason.ALL_CALLER_IDS_RESTED);
      assertThat(decision.detail()).contains(firstRest.until().toString());

      // many polls later, FIRST is back: the campaign dials again, from FIRST, at once
      rig.scheduler.runUntil(() -> guarded[0].attempts.size() == 5);
      assertThat(guarded[0].attempts.get(4).from()).isEqualTo(FIRST);
      assertThat(guarded[0].attempts.get(4).at()).isEqualTo(firstRest.until());
      assertThat(single(rig, CallerIdRestored.class).callerId()).isEqualTo(FIRST);
      assertThat(events(rig, CampaignAwaitingCallerIds.class))
          .as("said once, not at every poll")
          .hasSize(1);

      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      assertThat(rig.allLeads(id))
          .allSatisfy(l -> assertThat(l.state()).isEqualTo(LeadState.FAILED));
    }
  }

  @Test
  void offByDefault() {
    Guarded[] guarded = new Guarded[1];
    try (DialerRig rig = rig(p -> p.outcomeOdds(0, 0, 1.0, 0), CallerIdHealth.OFF, guarded)) {
      guarded[0].refuse.put(FIRST, FailureReason.CALLER_ID_BLOCKED);
      CampaignId id = rig.startCampaign("off", 6, s -> s.provider("guarded"));
      rig.runUntilStatus(id, CampaignStatus.COMPLETED);
      assertThat(guarded[0].fromNumbers())
          .containsExactly("0199", "0198", "0199", "0198", "0199", "0198");
      assertThat(rig.events)
          .noneMatch(e -> e instanceof CallerIdRested || e instanceof CampaignAwaitingCallerIds);
    }
  }

  private static DialerRig rig(
      java.util.function.UnaryOperator<SimulatedCallProviderBuilder> simulator,
      CallerIdHealth health,
      Guarded[] guarded) {
    return new DialerRig(
        ONE,
        simulator,
        (rig, b) -> {
          guarded[0] = new Guarded(rig.provider, rig.clock);
          // the default health of the builder is OFF; offByDefault leaves it unset
          return health == CallerIdHealth.OFF
              ? b.provider(guarded[0])
              : b.provider(guarded[0]).callerIdHealth(health);
        });
  }

  private static <T extends DialkitEvent> List<T> events(DialerRig rig, Class<T> type) {
    return rig.events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static <T extends DialkitEvent> T single(DialerRig rig, Class<T> type) {
    List<T> found = events(rig, type);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private record Attempt(Instant at, PhoneNumber from) {}

  /**
   * The simulated provider under another name, refusing calls from the caller ids in {@code refuse}
   * with the reason given (SIP 608, as a carrier's call analytics would), and noting every create
   * request it is sent.
   */
  private static final class Guarded implements CallProvider {
    final SimulatedCallProvider inner;
    final Clock clock;
    final Map<PhoneNumber, FailureReason> refuse = new ConcurrentHashMap<>();
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();

    Guarded(SimulatedCallProvider inner, Clock clock) {
      this.inner = inner;
      this.clock = clock;
    }

    List<String> fromNumbers() {
      return attempts.stream().map(a -> a.from().e164().substring(8)).toList();
    }

    @Override
    public String name() {
      return "guarded";
    }

    @Override
    public ProviderCapabilities capabilities() {
      return inner.capabilities();
    }

    @Override
    public double callsPerSecond() {
      return inner.callsPerSecond();
    }

    @Override
    public CompletionStage<PlacedCall> place(DialRequest request) {
      attempts.add(new Attempt(clock.instant(), request.from()));
      FailureReason reason = refuse.get(request.from());
      if (reason != null) {
        return CompletableFuture.failedFuture(
            new ProviderException(
                name(), "call refused by the carrier", 403, "608", reason, false, false, null));
      }
      return inner.place(request);
    }

    @Override
    public List<CallStatusUpdate> parseWebhook(WebhookRequest request) {
      return inner.parseWebhook(request);
    }

    @Override
    public CompletionStage<Void> hangUp(Call call) {
      return inner.hangUp(call);
    }

    @Override
    public CompletionStage<Optional<CallStatusUpdate>> queryStatus(Call call) {
      return inner.queryStatus(call);
    }
  }
}
