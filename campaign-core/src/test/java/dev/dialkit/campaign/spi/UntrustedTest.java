package dev.dialkit.campaign.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTest {
  @Test
  void quotesAValueAndSaysNullForNone() {
    assertThat(Untrusted.quote("Ada Lovelace")).isEqualTo("'Ada Lovelace'");
    assertThat(Untrusted.quote("")).isEqualTo("''");
    assertThat(Untrusted.quote(null)).isEqualTo("null");
    assertThat(Untrusted.escape(null, 10)).isNull();
  }

  @Test
  void escapesLineBreaksTabsAndEveryOtherControlCharacter() {
    assertThat(Untrusted.quote("a\r\nINFO forged\tline"))
        .isEqualTo("'a\\r\\nINFO forged\\tline'")
        .doesNotContain("\r", "\n", "\t");
    assertThat(Untrusted.quote("nul\0 esc\u001b[31m del\u007f c1\u0085"))
        .isEqualTo("'nul\\u0000 esc\\u001b[31m del\\u007f c1\\u0085'");
  }

  @Test
  void escapesUnicodeLineSeparatorsFormatCharactersAndHalfSurrogatePairs() {
    assertThat(Untrusted.quote("a\u2028b\u2029c")).isEqualTo("'a\\u2028b\\u2029c'");
    // a right-to-left override makes a line read differently from what it holds
    assertThat(Untrusted.quote("x\u202Etxt.exe")).isEqualTo("'x\\u202etxt.exe'");
    assertThat(Untrusted.quote("lone \uD800 high")).isEqualTo("'lone \\ud800 high'");
    // an invisible tag character (supplementary, U+E0041) becomes both of its UTF-16 units
    assertThat(Untrusted.quote("a" + new String(Character.toChars(0xE0041))))
        .isEqualTo("'a\\udb40\\udc41'");
  }

  @Test
  void keepsOrdinaryTextOfAnyScriptAsItIs() {
    assertThat(Untrusted.quote("Zoë Ørsted 山田 😀 O'Brien \\n"))
        .isEqualTo("'Zoë Ørsted 山田 😀 O'Brien \\n'");
  }

  @Test
  void capsAValueWithAnEllipsis() {
    String quoted = Untrusted.quote("x".repeat(10_000));
    assertThat(quoted).isEqualTo("'" + "x".repeat(Untrusted.MAX_ECHO) + "…'");
    assertThat(Untrusted.quote("x".repeat(Untrusted.MAX_ECHO)))
        .isEqualTo("'" + "x".repeat(Untrusted.MAX_ECHO) + "'");
    assertThat(Untrusted.escape("abcdef", 3)).isEqualTo("abc…");
  }

  @Test
  void neverCutsASurrogatePairOrAnEscapeInHalf() {
    String emoji = "😀"; // two UTF-16 units
    String cut = Untrusted.escape("x".repeat(79) + emoji + "tail", 80);
    assertThat(cut).isEqualTo("x".repeat(79) + emoji + "…");
    assertThat(Untrusted.escape("x".repeat(79) + "\u0000tail", 80))
        .isEqualTo("x".repeat(79) + "\\u0000…");
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = Untrusted.quote("a\nb\u0000" + "y".repeat(500));
    assertThat(Untrusted.escape(once, 2 * Untrusted.MAX_ECHO)).isEqualTo(once);
  }
}
