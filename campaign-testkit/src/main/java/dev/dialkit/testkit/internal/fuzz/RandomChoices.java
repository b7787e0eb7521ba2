package dev.dialkit.testkit.internal.fuzz;

import dev.dialkit.testkit.WebhookFuzzer.Choices;
import java.util.SplittableRandom;

/**
 * Choices from a seeded pseudo-random source, for fuzzing without a coverage-guided fuzzer. Text
 * leans on what breaks parsers: separators, percent signs, control characters, digits, non-ASCII
 * letters and lone surrogates.
 */
public final class RandomChoices implements Choices {
  private static final String NASTY = "&=%+;?#\r\n\t\u0000\u001b\"'<>\\/ -.:0123456789";
  private final SplittableRandom random;

  public RandomChoices(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public int pick(int bound) {
    return random.nextInt(bound);
  }

  @Override
  public boolean flip() {
    return random.nextBoolean();
  }

  @Override
  public String text(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> out.append(NASTY.charAt(random.nextInt(NASTY.length())));
        case 1 -> out.append((char) ('a' + random.nextInt(26)));
        case 2 -> out.append((char) (0x00A0 + random.nextInt(0x2000)));
        case 3 -> out.append((char) (0xD800 + random.nextInt(0x800)));
        default -> out.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return out.toString();
  }
}
