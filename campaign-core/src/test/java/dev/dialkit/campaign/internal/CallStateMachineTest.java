package dev.dialkit.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.CampaignId;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.Lead;
import dev.dialkit.campaign.LeadId;
import dev.dialkit.campaign.NewLead;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallStateMachineTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private final Call initiated =
      Call.initiated(
          Lead.queued(
                  LeadId.of("lead-1"),
                  TenantId.of("t"),
                  CampaignId.of("c"),
                  NewLead.of("+14155550100"),
                  T0)
              .claimed(),
          1,
          "sim",
          PhoneNumber.of("+14155550199"),
          T0);

  private static CallStatusUpdate.Builder update(CallStatus status, String raw, int secondsAfter) {
    return CallStatusUpdate.builder(status, raw).occurredAt(T0.plusSeconds(secondsAfter));
  }

  private static Call apply(Call call, CallStatusUpdate update) {
    CallStateMachine.Decision d = CallStateMachine.decide(call, update, T0.plusSeconds(999));
    assertThat(d).isInstanceOf(CallStateMachine.Apply.class);
    return ((CallStateMachine.Apply) d).next();
  }

  private static CallStateMachine.Kind ignored(Call call, CallStatusUpdate update) {
    CallStateMachine.Decision d = CallStateMachine.decide(call, update, T0);
    assertThat(d).isInstanceOf(CallStateMachine.Ignore.class);
    return ((CallStateMachine.Ignore) d).kind();
  }

  @Test
  void fullLifecycleTakesEveryTimeFromTheProvider() {
    Call ringing = apply(initiated, update(CallStatus.RINGING, "ringing", 2).build());
    Call answered = apply(ringing, update(CallStatus.ANSWERED, "in-progress", 7).build());
    Call completed =
        apply(
            answered,
            update(CallStatus.COMPLETED, "completed", 52).duration(Duration.ofSeconds(40)).build());

    assertThat(completed.status()).isEqualTo(CallStatus.COMPLETED);
    assertThat(completed.ringingAt()).isEqualTo(T0.plusSeconds(2));
    assertThat(completed.answeredAt()).isEqualTo(T0.plusSeconds(7));
    assertThat(completed.endedAt()).isEqualTo(T0.plusSeconds(52));
    // the provider's duration field (what it bills) wins over its second-resolution timestamps
    assertThat(completed.duration()).isEqualTo(Duration.ofSeconds(40));
    assertThat(completed.version()).isEqualTo(4);
    assertThat(completed.rawStatus()).isEqualTo("completed");
  }

  @Test
  void durationFallsBackToTheProviderFieldAndIsZeroWhenNeverAnswered() {
    Call onlyEnd =
        apply(
            initiated,
            CallStatusUpdate.builder(CallStatus.COMPLETED, "completed")
                .duration(Duration.ofSeconds(31))
                .build());
    assertThat(onlyEnd.duration()).isEqualTo(Duration.ofSeconds(31));
    assertThat(onlyEnd.endedAt()).isNull();

    Call busy = apply(initiated, update(CallStatus.BUSY, "busy", 3).build());
    assertThat(busy.duration()).isEqualTo(Duration.ZERO);

    Call unknown =
        apply(initiated, CallStatusUpdate.builder(CallStatus.COMPLETED, "completed").build());
    assertThat(unknown.duration()).as("answered but nothing said about time").isNull();
  }

  @Test
  void stepsMayBeSkippedButNeverReversed() {
    Call answered = apply(initiated, update(CallStatus.ANSWERED, "in-progress", 5).build());
    assertThat(answered.ringingAt()).as("never reported, never invented").isNull();
    assertThat(ignored(answered, update(CallStatus.RINGING, "ringing", 2).build()))
        .isEqualTo(CallStateMachine.Kind.STALE);
  }

  @Test
  void theProviderConfirmingTheCurrentStateAddsItsFactsWithoutMovingIt() {
    Call confirmed =
        apply(
            initiated, update(CallStatus.INITIATED, "initiated", 0).providerCallId("CA9").build());
    assertThat(confirmed.status()).isEqualTo(CallStatus.INITIATED);
    assertThat(confirmed.providerCallId()).isEqualTo("CA9");
    assertThat(confirmed.version()).isEqualTo(initiated.version() + 1);

    Call answered = apply(initiated, update(CallStatus.ANSWERED, "in-progress", 5).build());
    Call detected =
        apply(
            answered,
            update(CallStatus.ANSWERED, "in-progress", 6).answeredBy(AnsweredBy.HUMAN).build());
    assertThat(detected.answeredBy()).isEqualTo(AnsweredBy.HUMAN);
    assertThat(detected.answeredAt())
        .as("the first answer time stays")
        .isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void aTerminalStateIsReachedOnce() {
    Call busy = apply(initiated, update(CallStatus.BUSY, "busy", 3).build());
    assertThat(ignored(busy, update(CallStatus.COMPLETED, "completed", 9).build()))
        .isEqualTo(CallStateMachine.Kind.STALE);
    assertThat(ignored(busy, update(CallStatus.BUSY, "busy", 3).build()))
        .isEqualTo(CallStateMachine.Kind.DUPLICATE);
  }

  @Test
  void anOlderSequenceIsStaleEvenWhenItsRankIsHigher() {
    Call ringing = apply(initiated, update(CallStatus.RINGING, "ringing", 2).sequence(5L).build());
    assertThat(ignored(ringing, update(CallStatus.ANSWERED, "in-progress", 3).sequence(4L).build()))
        .isEqualTo(CallStateMachine.Kind.STALE);
  }

  @Test
  void completedByAMachineIsVoicemail() {
    Call answered =
        apply(
            initiated,
            update(CallStatus.ANSWERED, "in-progress", 5).answeredBy(AnsweredBy.MACHINE).build());
    Call ended = apply(answered, update(CallStatus.COMPLETED, "completed", 25).build());
    assertThat(ended.status()).isEqualTo(CallStatus.VOICEMAIL);
    assertThat(ended.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(ignored(ended, update(CallStatus.COMPLETED, "completed", 25).build()))
        .isEqualTo(CallStateMachine.Kind.DUPLICATE);
  }

  @Test
  void aFailureWithoutReasonIsUnknownNotGuessed() {
    Call failed = apply(initiated, update(CallStatus.FAILED, "failed", 1).build());
    assertThat(failed.failureReason()).isEqualTo(FailureReason.UNKNOWN);
    Call invalid =
        apply(
            initiated,
            update(CallStatus.FAILED, "failed", 1)
                .failureReason(FailureReason.INVALID_NUMBER)
                .sipCode("404")
                .build());
    assertThat(invalid.failureReason()).isEqualTo(FailureReason.INVALID_NUMBER);
    assertThat(invalid.sipCode()).isEqualTo("404");
  }

  @Test
  void anUnknownStatusIsNeverApplied() {
    assertThat(
            ignored(initiated, CallStatusUpdate.builder(CallStatus.UNKNOWN, "teleported").build()))
        .isEqualTo(CallStateMachine.Kind.UNKNOWN);
  }

  @Test
  void theProviderCallIdIsAttachedOnFirstSight() {
    Call ringing =
        apply(initiated, update(CallStatus.RINGING, "ringing", 2).providerCallId("CA1").build());
    assertThat(ringing.providerCallId()).isEqualTo("CA1");
    Call answered =
        apply(ringing, update(CallStatus.ANSWERED, "in-progress", 3).providerCallId("CA2").build());
    assertThat(answered.providerCallId()).as("first sight wins").isEqualTo("CA1");
  }
}
