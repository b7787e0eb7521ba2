package dev.dialkit.campaign;

import java.util.UUID;

/**
 * Identifies a lead, unique across campaigns.
 *
 * @param value 1 to 120 characters of letters, digits, {@code . _ : -}
 */
public record LeadId(String value) {
  public LeadId {
    Ids.check("lead id", value);
    if (value.length() > 120) {
      // a call id is the lead id plus ".<attempt>" and must stay within 128 characters
      throw new IllegalArgumentException(
          "lead id must be at most 120 characters, was " + value.length());
    }
  }

  public static LeadId of(String value) {
    return new LeadId(value);
  }

  /** A new random id. */
  public static LeadId random() {
    return new LeadId("ld-" + UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value;
  }
}
