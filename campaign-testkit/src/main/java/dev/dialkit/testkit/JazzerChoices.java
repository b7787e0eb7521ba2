package dev.dialkit.testkit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * Jazzer's fuzzed data as a {@link WebhookFuzzer}'s choices, for a {@code @FuzzTest}:
 *
 * <pre>{@code
 * @FuzzTest
 * void webhookPath(FuzzedDataProvider data) {
 *   fuzzer.exercise(new JazzerChoices(data));
 * }
 * }</pre>
 *
 * <p>Needs {@code com.code-intelligence:jazzer-api} (or {@code jazzer-junit}) on the test class
 * path; the test kit declares it optional.
 */
public final class JazzerChoices implements WebhookFuzzer.Choices {
  private final FuzzedDataProvider data;

  public JazzerChoices(FuzzedDataProvider data) {
    this.data = data;
  }

  @Override
  public int pick(int bound) {
    return data.consumeInt(0, bound - 1);
  }

  @Override
  public boolean flip() {
    return data.consumeBoolean();
  }

  @Override
  public String text(int maxLength) {
    return data.consumeString(maxLength);
  }
}
