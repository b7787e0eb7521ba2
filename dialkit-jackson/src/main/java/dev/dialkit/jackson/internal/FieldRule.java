package dev.dialkit.jackson.internal;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.RejectedRow;
import dev.dialkit.campaign.TimelineEntry;
import dev.dialkit.campaign.WebhookRequest;
import java.util.Map;

/**
 * What a record component that holds sensitive text as a plain value (not a {@code PhoneNumber})
 * needs before it is written. Every such component of the core's API is listed in {@link #of}:
 * typed numbers are masked by their serializer, these by name.
 */
enum FieldRule {
  /** Written as is. */
  NONE,
  /** A full number kept as text: masked like {@code PhoneNumber#masked()} unless revealed. */
  MASK_NUMBER,
  /** Raw text from a provider or a file, full of numbers: {@code null} unless revealed. */
  ONLY_REVEALED,
  /** A URL whose user info may be a credential: the user info is written as {@code ***}. */
  HIDE_USER_INFO;

  private static final Map<Class<?>, Map<String, FieldRule>> RULES =
      Map.of(
          TimelineEntry.class,
          Map.of("callerId", MASK_NUMBER, "rawPayload", ONLY_REVEALED),
          CallLogEntry.class,
          Map.of("rawPayload", ONLY_REVEALED),
          RejectedRow.class,
          Map.of("fields", ONLY_REVEALED),
          // a GET callback carries its fields, numbers included, in the URL
          WebhookRequest.class,
          Map.of("url", ONLY_REVEALED, "body", ONLY_REVEALED),
          Agent.class,
          Map.of("target", HIDE_USER_INFO));

  /** The rule of component {@code name} of {@code record}. */
  static FieldRule of(Class<?> record, String name) {
    return RULES.getOrDefault(record, Map.of()).getOrDefault(name, NONE);
  }

  /** {@code value} as it may be written. */
  Object apply(Object value, WriteOptions options) {
    if (value == null) {
      return null;
    }
    return switch (this) {
      case NONE -> value;
      case MASK_NUMBER -> options.revealPhoneNumbers() ? value : mask(value.toString());
      case ONLY_REVEALED -> options.revealPhoneNumbers() ? value : null;
      case HIDE_USER_INFO -> value.toString().replaceFirst("^([^:/?#]*://)[^/?#]*@", "$1***@");
    };
  }

  /** All but the last four characters as {@code *}, as {@code PhoneNumber#masked()} does. */
  static String mask(String number) {
    if (number.length() <= 4) {
      return "****";
    }
    return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
  }
}
