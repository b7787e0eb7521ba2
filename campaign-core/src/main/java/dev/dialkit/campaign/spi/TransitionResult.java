package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.Call;

/**
 * What a store did with a {@link CallTransition}.
 *
 * @param outcome applied or why not
 * @param call the call as stored now ({@code null} for {@link Outcome#NOT_FOUND})
 */
public record TransitionResult(Outcome outcome, Call call) {
  /** Applied or why not. */
  public enum Outcome {
    /** Everything in the transition was written. */
    APPLIED,
    /** The dedupe key was already recorded; nothing was written. */
    DUPLICATE,
    /** The stored call has another version; nothing was written. Recompute and try again. */
    CONFLICT,
    /** No such call; nothing was written. */
    NOT_FOUND
  }
}
