package dev.dialkit.provider.twilio.internal;

import dev.dialkit.campaign.AnsweredBy;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** Twilio's vocabularies mapped to Dialkit's, shared by callbacks and the REST Call resource. */
public final class TwilioStatuses {
  /** Error codes that mean the number is invalid or cannot be called; never retried. */
  public static final Set<String> INVALID_NUMBER_CODES = Set.of("21211", "21214", "21217", "13224");

  /** Error codes that mean the account, credentials or caller id are not allowed; never retried. */
  public static final Set<String> ACCOUNT_CODES = Set.of("21210", "20003");

  private TwilioStatuses() {}

  /**
   * Maps a {@code CallStatus} (callbacks) or {@code status} (REST). {@code completed} answered by a
   * machine or a fax is {@link CallStatus#VOICEMAIL}; any value Twilio may add later is {@link
   * CallStatus#UNKNOWN} (the caller keeps the raw value).
   */
  public static CallStatus status(String raw, AnsweredBy answeredBy) {
    return switch (raw) {
      case "queued" -> CallStatus.QUEUED;
      case "initiated" -> CallStatus.INITIATED;
      case "ringing" -> CallStatus.RINGING;
      case "in-progress" -> CallStatus.ANSWERED;
      case "completed" ->
          answeredBy != null && answeredBy.isMachine()
              ? CallStatus.VOICEMAIL
              : CallStatus.COMPLETED;
      case "busy" -> CallStatus.BUSY;
      case "no-answer" -> CallStatus.NO_ANSWER;
      case "failed" -> CallStatus.FAILED;
      case "canceled" -> CallStatus.CANCELED;
      default -> CallStatus.UNKNOWN;
    };
  }

  /**
   * Maps {@code AnsweredBy}: {@code human} is {@link AnsweredBy#HUMAN}; {@code machine_start},
   * {@code machine_end_beep}, {@code machine_end_silence}, {@code machine_end_other} (the
   * callbacks' values, twilio-oai insights v1 {@code call_summaries_enum_answered_by}) and plain
   * {@code machine} (the REST Call resource's "Either human or machine", twilio-oai v2010) are
   * {@link AnsweredBy#MACHINE}; {@code fax} is {@link AnsweredBy#FAX}; {@code unknown} and anything
   * else is {@link AnsweredBy#UNKNOWN}. {@code null} or blank stays {@code null}.
   */
  public static AnsweredBy answeredBy(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    if (raw.equals("human")) {
      return AnsweredBy.HUMAN;
    }
    if (raw.equals("machine") || raw.startsWith("machine_")) {
      return AnsweredBy.MACHINE;
    }
    return raw.equals("fax") ? AnsweredBy.FAX : AnsweredBy.UNKNOWN;
  }

  /**
   * Why a {@code failed} call failed: the SIP response code first (404/604 invalid number, 403/603
   * rejected, 607/608 caller id blocked as unwanted, 5xx carrier error), then Twilio's error code
   * (the create-time number and account codes), else {@link FailureReason#UNKNOWN}.
   */
  public static FailureReason failureReason(String sipCode, String errorCode) {
    if (sipCode != null) {
      switch (sipCode.trim()) {
        case "404", "604" -> {
          return FailureReason.INVALID_NUMBER;
        }
        case "403", "603" -> {
          return FailureReason.REJECTED;
        }
        case "607", "608" -> {
          // 607 Unwanted (RFC 8197) and 608 Rejected (RFC 8688): the terminating carrier's
          // call-blocking analytics refused the caller id, not the person the lead's number
          return FailureReason.CALLER_ID_BLOCKED;
        }
        default -> {
          if (sipCode.trim().matches("5\\d\\d")) {
            return FailureReason.CARRIER_ERROR;
          }
        }
      }
    }
    if (errorCode != null && INVALID_NUMBER_CODES.contains(errorCode.trim())) {
      return FailureReason.INVALID_NUMBER;
    }
    if (errorCode != null && ACCOUNT_CODES.contains(errorCode.trim())) {
      return FailureReason.ACCOUNT_OR_PERMISSION;
    }
    return FailureReason.UNKNOWN;
  }

  /**
   * Parses Twilio's RFC 2822 times ({@code Mon, 16 Aug 2010 03:45:01 +0000}), used by callbacks'
   * {@code Timestamp} and the Call resource's {@code start_time} / {@code end_time}.
   *
   * @throws DateTimeParseException if the text is not such a time
   */
  public static Instant rfc2822(String text) {
    return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
  }
}
