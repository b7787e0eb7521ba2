package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dispositions, their codes and sets, and conversations refuse bad input naming the field. */
class CallOutcomeValidationTest {

  @Test
  void aCodeMustBeLowerCaseWordsAndACallbackCodeCannotStopOrSuppress() {
    assertThat(DispositionCode.of("not_interested").code()).isEqualTo("not_interested");
    for (String bad :
        new String[] {"", "Interested", "1st", "do-not-call", "a b", "x".repeat(41)}) {
      assertThatThrownBy(() -> DispositionCode.of(bad))
          .isInstanceOf(InvalidConfigurationException.class)
          .hasMessageContaining("code");
    }
    assertThatThrownBy(() -> new DispositionCode("cb", false, true, true, false))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("dispositions.cb");
  }

  @Test
  void aSetHasNoRepeatsAndAtMostFiftyCodes() {
    assertThatThrownBy(() -> DispositionSet.of(DispositionCode.of("a"), DispositionCode.of("a")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("repeat");
    List<DispositionCode> many =
        java.util.stream.IntStream.range(0, 51).mapToObj(i -> DispositionCode.of("c" + i)).toList();
    assertThatThrownBy(() -> new DispositionSet(many, true))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("at most 50");
    assertThat(DispositionSet.of(DispositionCode.success("won")).isSuccess("won")).isTrue();
  }

  @Test
  void aDispositionChecksItsScoreAndFields() {
    assertThatThrownBy(() -> Disposition.of("a").withScore(101))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("disposition.score");
    assertThatThrownBy(() -> Disposition.of("a").withScore(-1))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThatThrownBy(() -> Disposition.of("a").withFields(Map.of("bad key", "v")))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("disposition.fields");
    assertThatThrownBy(() -> Disposition.of("a").withFields(Map.of("k", "x".repeat(2001))))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("disposition.fields.k");
    assertThatThrownBy(() -> Disposition.of("a").withFields(Map.of("k", "bell\u0007")))
        .isInstanceOf(InvalidConfigurationException.class);
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i < 33; i++) {
      many.put("k" + i, "v");
    }
    assertThatThrownBy(() -> Disposition.of("a").withFields(many))
        .isInstanceOf(InvalidConfigurationException.class);
    assertThat(Disposition.of("a").withScore(Disposition.HOT).score()).isEqualTo(90);
  }

  @Test
  void anUntrustedConversationIsCutAndCleanedNeverRefused() {
    Map<String, String> extracted = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      extracted.put("k" + i, "v\u0000");
    }
    extracted.put("bad key", "dropped");
    Conversation c =
        Conversation.untrusted(
            "\u0007x".repeat(Conversation.MAX_TRANSCRIPT_LENGTH), "   ", extracted);
    assertThat(c.transcript()).hasSize(Conversation.MAX_TRANSCRIPT_LENGTH).doesNotContain("\u0007");
    assertThat(c.summary()).as("blank reads as absent").isNull();
    assertThat(c.extracted()).hasSize(Conversation.MAX_EXTRACTED).doesNotContainKey("bad key");
    assertThat(c.extracted().values()).allMatch(v -> v.equals("v\uFFFD"));
    // a surrogate pair at the cut is not split
    String emoji = "a" + "😀".repeat(Conversation.MAX_SUMMARY_LENGTH);
    assertThat(Conversation.untrusted(null, emoji, null).summary())
        .hasSizeLessThanOrEqualTo(Conversation.MAX_SUMMARY_LENGTH)
        .endsWith("😀");
    assertThatThrownBy(() -> new Conversation("x".repeat(100_001), null, null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("conversation.transcript");
  }
}
