package dev.dialkit.campaign;

import java.time.Instant;

/**
 * Where a queued lead stands in its campaign's queue and when it is expected to be dialed ({@link
 * Leads#position}). An estimate as of {@link #at}: the queue and the dial rate move on.
 *
 * <p>The position is the lead's place in the order claims take leads at {@link #dueAt}: by
 * priority, then insertion order, among the campaign's queued leads due by then whose calling
 * window is open then. The expected dial time is {@code max(dueAt, at + leadsAhead ÷ rate)}: a lead
 * not due yet (a retry after its backoff, a callback at a set time, a window still closed) waits
 * for its time, or for the queue ahead of it to drain, whichever comes later.
 *
 * @param lead the lead
 * @param campaignId its campaign
 * @param position 1 for the next lead a claim takes at {@code dueAt}; {@code leadsAhead + 1}
 * @param leadsAhead the leads a claim takes before it
 * @param dueAt the first instant a claim may take it: not before {@code at}, its next-attempt time
 *     or the opening of its calling window in its time zone, whichever is latest
 * @param expectedDialAt when it is expected to be claimed and dialed; {@code null} when {@code
 *     basis} gives no rate ({@link Basis#UNKNOWN}, {@link Basis#NOT_DIALING})
 * @param basis where the dial rate comes from
 * @param callsPerMinute the campaign's dial rate used, > 0; 0 when {@code basis} gives none
 * @param at when this was computed
 */
public record QueuePosition(
    LeadId lead,
    CampaignId campaignId,
    long position,
    long leadsAhead,
    Instant dueAt,
    Instant expectedDialAt,
    Basis basis,
    double callsPerMinute,
    Instant at) {

  /** Where the dial rate of a position comes from. */
  public enum Basis {
    /**
     * The campaign's claims per second over the last {@code DialRates.WINDOW} on this instance, the
     * calls in progress left out while the window holds the campaign's start (the first fill of its
     * slots is no rate).
     */
    OBSERVED_CLAIMS,
    /**
     * Too few claims observed (the campaign has just started, or another instance dials it): the
     * campaign's concurrency limit divided by the mean time its calls held a slot (creation to end)
     * over the last 200 calls this instance saw end, at least 5.
     */
    CONCURRENCY_AND_HANDLE_TIME,
    /** Nothing observed yet: no expected time. */
    UNKNOWN,
    /** The campaign is not dialing (draft, paused, or finished): no expected time. */
    NOT_DIALING;

    /** Whether this basis gives a rate. */
    public boolean hasRate() {
      return this == OBSERVED_CLAIMS || this == CONCURRENCY_AND_HANDLE_TIME;
    }
  }

  public QueuePosition {
    if (lead == null || campaignId == null || dueAt == null || basis == null || at == null) {
      throw new IllegalArgumentException(
          "queue position lead, campaignId, dueAt, basis and at are required");
    }
    if (leadsAhead < 0 || position != leadsAhead + 1) {
      throw new IllegalArgumentException(
          "queue position must be leadsAhead + 1 with leadsAhead >= 0, were "
              + position
              + " and "
              + leadsAhead);
    }
    if (dueAt.isBefore(at)) {
      throw new IllegalArgumentException(
          "queue position dueAt must not be before at, was " + dueAt + " < " + at);
    }
    if (basis.hasRate() != (expectedDialAt != null)) {
      throw new IllegalArgumentException(
          "queue position expectedDialAt must be given exactly when the basis has a rate, basis "
              + basis);
    }
    if (expectedDialAt != null && expectedDialAt.isBefore(dueAt)) {
      throw new IllegalArgumentException(
          "queue position expectedDialAt must not be before dueAt, was " + expectedDialAt);
    }
    if (basis.hasRate()
        ? !(callsPerMinute > 0) || Double.isInfinite(callsPerMinute)
        : callsPerMinute != 0) {
      throw new IllegalArgumentException(
          "queue position callsPerMinute must be finite and > 0 with a rate, 0 without, was "
              + callsPerMinute);
    }
  }
}
