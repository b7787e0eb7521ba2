package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.Call;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.spi.CallStatusUpdate;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides what a provider update does to a call: the pure part of the webhook path. States only
 * move forward; a terminal state is reached once; every time and figure on the result comes from
 * the provider, never from Dialkit's clock. Telling a repeated delivery from a first one is not
 * decided here but by the store, through the update's dedupe key.
 */
final class CallStateMachine {
  private CallStateMachine() {}

  /** The decision for one update. */
  sealed interface Decision {}

  /** Apply: store {@code next}. */
  record Apply(Call next) implements Decision {}

  /** Record and ignore, for {@code reason}. */
  record Ignore(Kind kind, String reason) implements Decision {}

  enum Kind {
    DUPLICATE,
    STALE,
    UNKNOWN
  }

  static Decision decide(Call call, CallStatusUpdate update, Instant now) {
    CallStatus current = call.status();
    CallStatus incoming = update.status();
    if (incoming == CallStatus.UNKNOWN) {
      return new Ignore(Kind.UNKNOWN, "unknown provider status '" + update.rawStatus() + "'");
    }
    if (current.isTerminal()) {
      boolean same =
          incoming == current
              || (current == CallStatus.VOICEMAIL && incoming == CallStatus.COMPLETED);
      return same
          ? new Ignore(Kind.DUPLICATE, "already " + current)
          : new Ignore(Kind.STALE, incoming + " after terminal " + current);
    }
    if (update.sequence() != null
        && update.sequence().equals(call.lastSequence())
        && update.rawStatus().equals(call.rawStatus())) {
      // the very event applied last, delivered again: a duplicate, not an old event
      return new Ignore(Kind.DUPLICATE, "sequence " + update.sequence() + " delivered again");
    }
    if (update.sequence() != null
        && call.lastSequence() != null
        && update.sequence() <= call.lastSequence()) {
      return new Ignore(
          Kind.STALE, "sequence " + update.sequence() + " after " + call.lastSequence());
    }
    if (incoming != current && !current.canMoveTo(incoming)) {
      return new Ignore(Kind.STALE, incoming + " after " + current);
    }
    // incoming == current is the provider confirming the state (its "initiated" after Dialkit
    // recorded INITIATED, or machine detection's verdict while ANSWERED): applied for the facts it
    // brings; a second delivery of it is caught by the store's dedupe key
    return new Apply(merge(call, update, now));
  }

  private static Call merge(Call call, CallStatusUpdate u, Instant now) {
    AnsweredBy answeredBy = u.answeredBy() != null ? u.answeredBy() : call.answeredBy();
    CallStatus status = u.status();
    if (status == CallStatus.COMPLETED && answeredBy != null && answeredBy.isMachine()) {
      status = CallStatus.VOICEMAIL;
    }
    Instant ringingAt =
        first(call.ringingAt(), status == CallStatus.RINGING ? u.occurredAt() : null);
    Instant answeredAt =
        first(
            call.answeredAt(),
            u.answeredAt(),
            status == CallStatus.ANSWERED ? u.occurredAt() : null);
    Call.Builder next =
        call.toBuilder()
            .status(status)
            .ringingAt(ringingAt)
            .answeredAt(answeredAt)
            .answeredBy(answeredBy)
            .providerCallId(first(call.providerCallId(), u.providerCallId()))
            .providerRequestId(first(call.providerRequestId(), u.providerRequestId()))
            .billedDuration(first(u.billedDuration(), call.billedDuration()))
            .hangupCause(first(u.hangupCause(), call.hangupCause()))
            .sipCode(first(u.sipCode(), call.sipCode()))
            .recordingUrl(first(u.recordingUrl(), call.recordingUrl()))
            .rawStatus(u.rawStatus())
            .lastSequence(first(u.sequence(), call.lastSequence()))
            .nextVersion(now);
    if (status.isTerminal()) {
      Instant endedAt = first(u.endedAt(), u.occurredAt());
      next.endedAt(endedAt).duration(duration(status, answeredAt, endedAt, u.duration()));
      next.failureReason(failureReason(status, u.failureReason()));
    }
    return next.build();
  }

  /**
   * Talk time: the provider's own duration field (what it bills: Twilio's {@code CallDuration},
   * whose second-resolution timestamps disagreed with it by a second on a quarter of the calls
   * tried); else the provider's end minus its answer time; zero for a call never answered;
   * otherwise unknown. Never a guess.
   */
  static Duration duration(CallStatus status, Instant answeredAt, Instant endedAt, Duration field) {
    if (field != null) {
      return field;
    }
    if (answeredAt != null && endedAt != null && !endedAt.isBefore(answeredAt)) {
      return Duration.between(answeredAt, endedAt);
    }
    if (answeredAt == null && !status.isAnswered()) {
      return Duration.ZERO;
    }
    return null;
  }

  private static FailureReason failureReason(CallStatus status, FailureReason given) {
    if (given != null) {
      return given;
    }
    // a failure the provider gave no reason for is UNKNOWN, not a guess at a cause
    return status == CallStatus.FAILED ? FailureReason.UNKNOWN : null;
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
