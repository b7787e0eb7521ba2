package dev.dialkit.campaign.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormFieldsTest {
  private static FormFields decode(String encoded) {
    return FormFields.decode(encoded).orElseThrow();
  }

  @Test
  void nothingIsNoFields() {
    assertThat(decode(null).pairs()).isEmpty();
    assertThat(decode("").pairs()).isEmpty();
    assertThat(decode("&&").pairs()).isEmpty();
  }

  @Test
  void aPlusIsASpaceAndAnEscapedPlusIsAPlus() {
    FormFields f = decode("To=%2B14155550123&Caller+Name=Ada+Lovelace");
    assertThat(f.first("To")).isEqualTo("+14155550123");
    assertThat(f.first("Caller Name")).isEqualTo("Ada Lovelace");
  }

  @Test
  void escapedBytesAreReadAsUtf8() {
    FormFields f = decode("name=Zo%C3%AB&city=%e5%b1%b1%E7%94%B0&emoji=%F0%9F%98%80&raw=Zoë");
    assertThat(f.first("name")).isEqualTo("Zoë");
    assertThat(f.first("city")).as("lower-case hex digits too").isEqualTo("山田");
    assertThat(f.first("emoji")).isEqualTo("😀");
    assertThat(f.first("raw")).as("a character not escaped stands for itself").isEqualTo("Zoë");
    assertThat(decode("a=%41%3d%26").first("a")).isEqualTo("A=&");
  }

  @Test
  void emptyPairsAreSkipped() {
    assertThat(decode("&a=1&&b=2&").pairs())
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
  }

  @Test
  void aPairWithoutAnEqualsSignHasAnEmptyValue() {
    FormFields f = decode("flag&a=&=v&b=x=y");
    assertThat(f.pairs())
        .containsExactly(
            Map.entry("flag", ""), Map.entry("a", ""), Map.entry("", "v"), Map.entry("b", "x=y"));
  }

  @Test
  void repeatedNamesAreKeptInTheOrderReceived() {
    FormFields f = decode("x=1&y=a&x=2&x=3");
    assertThat(f.pairs())
        .containsExactly(
            Map.entry("x", "1"), Map.entry("y", "a"), Map.entry("x", "2"), Map.entry("x", "3"));
    assertThat(f.byName())
        .containsExactly(Map.entry("x", List.of("1", "2", "3")), Map.entry("y", List.of("a")));
    assertThat(f.first("x")).isEqualTo("1");
    assertThat(f.first("missing")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "a=%ZZ", // not hex
        "a=%4", // one digit
        "a=%", // nothing after %
        "%G1=x", // in a name
        "a=1&b=%C3", // a UTF-8 sequence cut short
        "a=%C3%28", // an invalid continuation byte
        "a=%FF", // never UTF-8
        "a=%ED%A0%80", // a surrogate encoded as UTF-8
        "a=%C0%AF", // an overlong encoding of '/'
      })
  void textThatIsNotFormEncodingYieldsNoFields(String encoded) {
    assertThatCode(() -> FormFields.decode(encoded)).doesNotThrowAnyException();
    assertThat(FormFields.decode(encoded)).isEmpty();
  }

  @Test
  void aLoneSurrogateYieldsNoFields() {
    assertThat(FormFields.decode("a=x\uD800")).isEmpty();
    assertThat(FormFields.decode("a=\uDC00x")).isEmpty();
    assertThat(FormFields.decode("\uD800=x")).isEmpty();
    assertThat(FormFields.decode("a=\uD83D\uDE00").orElseThrow().first("a")).isEqualTo("😀");
  }
}
