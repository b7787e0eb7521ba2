package dev.dialkit.campaign;

/**
 * Dialkit's own id for one call attempt. It is derived from the lead and the attempt number ({@code
 * <leadId>.<attempt>}), so a store's uniqueness constraint on the call id is at the same time the
 * guarantee that no attempt of a lead is ever dialed twice. Dialkit carries it in the callback URLs
 * it gives a provider, which is how an early webhook finds its call.
 *
 * @param value 1 to 128 characters of letters, digits, {@code . _ : -}
 */
public record CallId(String value) {
  public CallId {
    Ids.check("call id", value);
  }

  public static CallId of(String value) {
    return new CallId(value);
  }

  /** The id of attempt {@code attempt} (1-based) on {@code lead}. */
  public static CallId forAttempt(LeadId lead, int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    return new CallId(lead.value() + "." + attempt);
  }

  @Override
  public String toString() {
    return value;
  }
}
