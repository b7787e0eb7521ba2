package dev.dialkit.campaign;

/**
 * Computes the priority a lead is queued with: higher is dialed first, equal priorities in the
 * order they were added. The default, {@link #seedScore()}, favours leads Dialkit knows more about.
 */
@FunctionalInterface
public interface PriorityPolicy {
  /** The priority of {@code lead}. */
  int priority(NewLead lead);

  /**
   * The lead's own priority plus 100 if it has a name, 10 if it has an email and 10 if it has a
   * company: the score of the systems Dialkit replaces.
   */
  static PriorityPolicy seedScore() {
    return lead ->
        lead.priority()
            + (lead.name() != null ? 100 : 0)
            + (lead.email() != null ? 10 : 0)
            + (lead.company() != null ? 10 : 0);
  }

  /** The lead's own priority, nothing added. */
  static PriorityPolicy asGiven() {
    return NewLead::priority;
  }
}
