package dev.dialkit.campaign;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dispositions a campaign accepts ({@link CampaignSpec#dispositions()}), and whether a callback
 * counts against the lead's attempts.
 *
 * @param codes at most {@value #MAX_CODES} codes, no code twice; empty: the campaign records no
 *     dispositions
 * @param callbacksCountAsAttempts whether the call placed for a callback counts against the retry
 *     policy's {@code maxAttempts} (default {@value #DEFAULT_CALLBACKS_COUNT_AS_ATTEMPTS}). When it
 *     does not, scheduling the callback gives one attempt back to the lead (never below zero), so
 *     the callback's own call leaves the count where it was
 */
public record DispositionSet(List<DispositionCode> codes, boolean callbacksCountAsAttempts) {

  /** {@value}: the most codes in a set. */
  public static final int MAX_CODES = 50;

  /** {@value}: whether a callback's call counts against the lead's attempts by default. */
  public static final boolean DEFAULT_CALLBACKS_COUNT_AS_ATTEMPTS = true;

  private static final DispositionSet NONE =
      new DispositionSet(List.of(), DEFAULT_CALLBACKS_COUNT_AS_ATTEMPTS);

  public DispositionSet {
    if (codes == null) {
      throw new InvalidConfigurationException("dispositions", null, "is required");
    }
    if (codes.size() > MAX_CODES) {
      throw new InvalidConfigurationException(
          "dispositions", codes.size() + " codes", "must hold at most " + MAX_CODES + " codes");
    }
    Set<String> seen = new HashSet<>();
    for (DispositionCode code : codes) {
      if (code == null) {
        throw new InvalidConfigurationException("dispositions", null, "must not hold null");
      }
      if (!seen.add(code.code())) {
        throw new InvalidConfigurationException(
            "dispositions", code.code(), "must not repeat a code");
      }
    }
    codes = List.copyOf(codes);
  }

  /** No codes: the campaign records no dispositions. The default of a spec. */
  public static DispositionSet none() {
    return NONE;
  }

  /** These codes; callbacks count as attempts. */
  public static DispositionSet of(DispositionCode... codes) {
    return new DispositionSet(List.of(codes), DEFAULT_CALLBACKS_COUNT_AS_ATTEMPTS);
  }

  /** This set with {@code count} as {@link #callbacksCountAsAttempts()}. */
  public DispositionSet callbacksCountAsAttempts(boolean count) {
    return new DispositionSet(codes, count);
  }

  /** The code named {@code code}, if the set has it. */
  public Optional<DispositionCode> find(String code) {
    return codes.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** Whether {@code code} is in the set and counts as a conversion. */
  public boolean isSuccess(String code) {
    return find(code).map(DispositionCode::success).orElse(false);
  }
}
