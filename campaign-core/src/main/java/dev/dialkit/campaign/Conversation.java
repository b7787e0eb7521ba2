package dev.dialkit.campaign;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the voice agent learned on a call, as the provider or hosted agent reported it (Bolna's
 * execution webhook: {@code transcript}, {@code summary}, {@code extracted_data}). Every part is
 * optional. Text may span lines but holds no other control character.
 *
 * @param transcript the conversation, at most {@value #MAX_TRANSCRIPT_LENGTH} characters, or {@code
 *     null}
 * @param summary its summary, at most {@value #MAX_SUMMARY_LENGTH} characters, or {@code null}
 * @param extracted the fields the agent extracted: at most {@value #MAX_EXTRACTED} entries, keys as
 *     {@link Disposition#fields()}, values at most {@value #MAX_EXTRACTED_VALUE_LENGTH} characters;
 *     never null
 */
public record Conversation(String transcript, String summary, Map<String, String> extracted) {

  /** {@value}: the longest transcript stored (about an hour of talk). */
  public static final int MAX_TRANSCRIPT_LENGTH = 100_000;

  /** {@value}: the longest summary. */
  public static final int MAX_SUMMARY_LENGTH = 4000;

  /** {@value}: the most extracted fields. */
  public static final int MAX_EXTRACTED = 32;

  /** {@value}: the longest extracted value. */
  public static final int MAX_EXTRACTED_VALUE_LENGTH = 2000;

  public Conversation {
    check("conversation.transcript", transcript, MAX_TRANSCRIPT_LENGTH);
    check("conversation.summary", summary, MAX_SUMMARY_LENGTH);
    extracted = extracted == null ? Map.of() : extracted;
    TextRules.Problem problem =
        TextRules.variables(
            extracted, MAX_EXTRACTED, Disposition.MAX_FIELD_KEY_LENGTH, MAX_EXTRACTED_VALUE_LENGTH);
    if (problem != null) {
      throw problem.config("conversation.extracted");
    }
    extracted = Map.copyOf(extracted);
  }

  /**
   * A conversation made from what a stranger sent (a webhook): never throws. Text is cut to its
   * limit and every control character other than tab, CR and LF becomes U+FFFD; an extracted entry
   * whose key is not valid is dropped, values are cleaned like text, and entries past {@value
   * #MAX_EXTRACTED} are dropped.
   */
  public static Conversation untrusted(
      String transcript, String summary, Map<String, String> extracted) {
    Map<String, String> kept = new LinkedHashMap<>();
    if (extracted != null) {
      for (Map.Entry<String, String> e : extracted.entrySet()) {
        if (kept.size() == MAX_EXTRACTED) {
          break;
        }
        if (e.getKey() == null || e.getValue() == null) {
          continue;
        }
        Map<String, String> one =
            Map.of(e.getKey(), clean(e.getValue(), MAX_EXTRACTED_VALUE_LENGTH));
        if (TextRules.variables(
                one, 1, Disposition.MAX_FIELD_KEY_LENGTH, MAX_EXTRACTED_VALUE_LENGTH)
            == null) {
          kept.putAll(one);
        }
      }
    }
    return new Conversation(
        clean(transcript, MAX_TRANSCRIPT_LENGTH), clean(summary, MAX_SUMMARY_LENGTH), kept);
  }

  /** Whether it holds nothing. */
  public boolean isEmpty() {
    return transcript == null && summary == null && extracted.isEmpty();
  }

  /**
   * This conversation with what {@code later} reports laid over it: its transcript and summary
   * where given, its extracted fields added (a later value wins; the oldest past the cap are kept).
   */
  public Conversation mergedWith(Conversation later) {
    Map<String, String> fields = new LinkedHashMap<>(extracted);
    for (Map.Entry<String, String> e : later.extracted.entrySet()) {
      if (fields.containsKey(e.getKey()) || fields.size() < MAX_EXTRACTED) {
        fields.put(e.getKey(), e.getValue());
      }
    }
    return new Conversation(
        later.transcript != null ? later.transcript : transcript,
        later.summary != null ? later.summary : summary,
        fields);
  }

  private static void check(String field, String value, int max) {
    if (value != null) {
      TextRules.Problem problem = TextRules.multiLine(value, max);
      if (problem != null) {
        throw problem.config(field);
      }
    }
  }

  private static String clean(String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && out.length() < max; ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      boolean ok =
          cp == '\t'
              || cp == '\n'
              || cp == '\r'
              || TextRules.multiLine(new String(Character.toChars(cp)), 2) == null;
      if (ok && out.length() + Character.charCount(cp) <= max) {
        out.appendCodePoint(cp);
      } else if (!ok) {
        out.append('\uFFFD');
      } else {
        break;
      }
    }
    return out.toString();
  }
}
