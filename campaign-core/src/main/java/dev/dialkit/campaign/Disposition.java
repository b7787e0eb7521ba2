package dev.dialkit.campaign;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * A call's business outcome, as the host or the voice agent recorded it ({@link
 * Calls#disposition}).
 *
 * @param code one of the campaign's {@link DispositionSet} codes (its form is checked here, its
 *     membership when it is recorded)
 * @param score the lead's score, 0 (cold) to 100 (hot), or {@code null}; {@link #HOT}, {@link
 *     #WARM} and {@link #COLD} are the seed's three grades
 * @param fields free-form details: at most {@value #MAX_FIELDS}, keys of 1 to {@value
 *     #MAX_FIELD_KEY_LENGTH} letters, digits, {@code _ . -} (not {@code dialkit_}), values at most
 *     {@value #MAX_FIELD_VALUE_LENGTH} characters without control characters other than tab, CR and
 *     LF; never null (empty)
 * @param callbackAt when to call back, in the lead's own time zone, or {@code null}; required with
 *     a {@link DispositionCode#callback()} code
 */
public record Disposition(
    String code, Integer score, Map<String, String> fields, LocalDateTime callbackAt) {

  /** {@value}: the most fields. */
  public static final int MAX_FIELDS = 32;

  /** {@value}: the longest field key. */
  public static final int MAX_FIELD_KEY_LENGTH = 64;

  /** {@value}: the longest field value. */
  public static final int MAX_FIELD_VALUE_LENGTH = 2000;

  /** {@value}: the highest score. */
  public static final int MAX_SCORE = 100;

  /** {@value}: a hot lead's score. */
  public static final int HOT = 90;

  /** {@value}: a warm lead's score. */
  public static final int WARM = 60;

  /** {@value}: a cold lead's score. */
  public static final int COLD = 20;

  public Disposition {
    DispositionCode.check("disposition.code", code);
    if (score != null && (score < 0 || score > MAX_SCORE)) {
      throw new InvalidConfigurationException(
          "disposition.score", score, "must be between 0 and " + MAX_SCORE);
    }
    fields = fields == null ? Map.of() : fields;
    TextRules.Problem problem =
        TextRules.variables(fields, MAX_FIELDS, MAX_FIELD_KEY_LENGTH, MAX_FIELD_VALUE_LENGTH);
    if (problem != null) {
      throw problem.config("disposition.fields");
    }
    fields = Map.copyOf(fields);
  }

  /** The code alone: no score, no fields, no callback. */
  public static Disposition of(String code) {
    return new Disposition(code, null, Map.of(), null);
  }

  /** This disposition with {@code score} (0 to 100). */
  public Disposition withScore(int score) {
    return new Disposition(code, score, fields, callbackAt);
  }

  /** This disposition with {@code fields}. */
  public Disposition withFields(Map<String, String> fields) {
    return new Disposition(code, score, fields, callbackAt);
  }

  /** This disposition with a callback at {@code at}, local time in the lead's time zone. */
  public Disposition withCallbackAt(LocalDateTime at) {
    return new Disposition(code, score, fields, at);
  }
}
