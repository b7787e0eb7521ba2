package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every field of a lead a host passes in: a bad value is an InvalidLeadException. */
class NewLeadValidationTest {
  private static final PhoneNumber NUMBER = PhoneNumber.of("+12125550101");

  private static NewLead lead(String name, String email, String company) {
    return new NewLead(NUMBER, name, email, company, Map.of(), null, 0);
  }

  private static NewLead withVariables(Map<String, String> variables) {
    return new NewLead(NUMBER, null, null, null, variables, null, 0);
  }

  /** Asserts the rejection: row 0 (no import yet), the field, and the whole message. */
  private static void rejects(ThrowingCallable make, String field, String reason) {
    assertThatThrownBy(make)
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> {
              assertThat(e.row()).isZero();
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).isEqualTo("lead: " + field + " " + reason);
              assertThat(e.getMessage()).doesNotContain("\r", "\n", "\0");
            });
  }

  @Test
  void keepsValidFieldsStrippedAndBlankAsNull() {
    NewLead lead = lead("  Ada\tLovelace ", " ada@example.com", "   ");
    assertThat(lead.name()).isEqualTo("Ada\tLovelace");
    assertThat(lead.email()).isEqualTo("ada@example.com");
    assertThat(lead.company()).isNull();
    assertThat(lead.variables()).isEmpty();
    assertThat(lead("名前 Zoë", null, null).name()).isEqualTo("名前 Zoë");
    // a line break at either end is surrounding whitespace, stripped as before
    assertThat(lead("Ada\r\n", null, null).name()).isEqualTo("Ada");
  }

  @Test
  void aMissingNumberIsTheFieldPhone() {
    rejects(() -> new NewLead(null, "Ada", null, null, Map.of(), null, 0), "phone", "is required");
  }

  @Test
  void badNumbersAreTypedAndNeverShownWhole() {
    rejects(() -> NewLead.of(null), "phone", "is required, was null");
    rejects(() -> NewLead.of("   "), "phone", "must not be blank, was '   '");
    rejects(
        () -> NewLead.of("4155550123"),
        "phone",
        "must be E.164 (+ and 7 to 15 digits), was '******0123'");
    rejects(
        () -> NewLead.of("+1415555abcd"),
        "phone",
        "must be E.164 (+ and 7 to 15 digits), was '********abcd'");
    rejects(
        () -> NewLead.of("+1".repeat(5_000)),
        "phone",
        "must be E.164 (+ and 7 to 15 digits), was 10000 characters");
    rejects(
        () -> NewLead.of("+1415555\r\n\r\n"),
        "phone",
        "must not contain control characters, was '********\\r\\n\\r\\n'");
    rejects(
        () -> NewLead.of("+1415555", "Ada"),
        "phone",
        "is not a valid number for its country, was '****5555'");
  }

  @Test
  void premiumRatePagerAndVoicemailNumbersAreNeverDialed() {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    String premium =
        util.format(
            util.getExampleNumberForType("US", PhoneNumberType.PREMIUM_RATE),
            PhoneNumberFormat.E164);
    String pager =
        util.format(
            util.getExampleNumberForType("GB", PhoneNumberType.PAGER), PhoneNumberFormat.E164);
    String voicemail =
        util.format(
            util.getExampleNumberForType("DE", PhoneNumberType.VOICEMAIL), PhoneNumberFormat.E164);
    String masked = PhoneNumber.of(premium).masked();
    rejects(
        () -> NewLead.of(premium),
        "phone",
        "is a premium-rate number, which a campaign never dials, was " + masked);
    assertThatThrownBy(() -> NewLead.of(pager))
        .isInstanceOf(InvalidLeadException.class)
        .hasMessageContaining("a pager number");
    assertThatThrownBy(() -> NewLead.of(voicemail))
        .isInstanceOf(InvalidLeadException.class)
        .hasMessageContaining("a voicemail access number");
    // a PhoneNumber itself may still be one (a stored call, a caller id): only leads are refused
    assertThat(PhoneNumber.of(premium).e164()).isEqualTo(premium);
    // ordinary fixed, mobile and toll-free numbers are dialed
    assertThat(NewLead.of("+18005550100").phone().e164()).isEqualTo("+18005550100");
  }

  @Test
  void namesEmailsAndCompaniesAreCapped() {
    rejects(
        () -> lead("x".repeat(NewLead.MAX_NAME_LENGTH + 1), null, null),
        "name",
        "must be at most 200 characters, was 201 characters");
    assertThat(lead("x".repeat(NewLead.MAX_NAME_LENGTH), null, null).name())
        .hasSize(NewLead.MAX_NAME_LENGTH);
    rejects(
        () -> lead(null, "a".repeat(250) + "@b.co", null),
        "email",
        "must be at most 254 characters, was 255 characters");
    rejects(
        () -> lead(null, null, "c".repeat(10_000)),
        "company",
        "must be at most 200 characters, was 10000 characters");
  }

  @Test
  void textWithControlCharactersOrLineBreaksInsideIsRefusedAndEchoedEscaped() {
    String rule = "must not contain control characters or line breaks (tab is allowed)";
    rejects(
        () -> lead("Ada\r\nINFO admin logged in", null, null),
        "name",
        rule + ", was 'Ada\\r\\nINFO admin logged in'");
    rejects(() -> lead("Ada\0", null, null).name(), "name", rule + ", was 'Ada\\u0000'");
    rejects(() -> lead(null, "a@b\u0007.co", null), "email", rule + ", was 'a@b\\u0007.co'");
    rejects(() -> lead(null, null, "Acme\u2028Corp"), "company", rule + ", was 'Acme\\u2028Corp'");
    rejects(() -> lead("half \uD800 pair", null, null), "name", rule + ", was 'half \\ud800 pair'");
  }

  @Test
  void aLongBadValueIsEchoedCapped() {
    // under the length cap, so the value itself is shown: its first 80 characters
    assertThatThrownBy(() -> lead("x".repeat(150) + "\0", null, null))
        .isInstanceOfSatisfying(
            InvalidLeadException.class,
            e -> assertThat(e.reason()).endsWith("x…'").hasSizeLessThan(200));
  }

  @Test
  void variablesFollowTheKeySyntaxAndTheCaps() {
    NewLead ok = withVariables(Map.of("first_name", "Ada", "plan.tier-2", "line 1\nline 2"));
    assertThat(ok.variables()).containsEntry("plan.tier-2", "line 1\nline 2");

    String keyRule =
        "keys must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or '_'";
    rejects(
        () -> withVariables(Map.of("has space", "v")), "variables", keyRule + ", was 'has space'");
    rejects(() -> withVariables(Map.of("", "v")), "variables", keyRule + ", was ''");
    rejects(() -> withVariables(Map.of("1st", "v")), "variables", keyRule + ", was '1st'");
    rejects(() -> withVariables(Map.of("k\r\nX", "v")), "variables", keyRule + ", was 'k\\r\\nX'");
    String longKey = "k".repeat(NewLead.MAX_VARIABLE_KEY_LENGTH + 1);
    rejects(
        () -> withVariables(Map.of(longKey, "v")),
        "variables",
        keyRule + ", was '" + longKey + "'");
    rejects(
        () -> withVariables(Map.of("Dialkit_Token", "forged")),
        "variables",
        "keys must not start with 'dialkit_' (reserved for Dialkit), was 'Dialkit_Token'");
  }

  @Test
  void variableValuesAreCappedAndMayBreakLinesButHoldNoOtherControlCharacter() {
    rejects(
        () -> withVariables(Map.of("script", "s".repeat(NewLead.MAX_VARIABLE_VALUE_LENGTH + 1))),
        "variables.script",
        "must be at most 1000 characters, was 1001 characters");
    rejects(
        () -> withVariables(Map.of("script", "a\u0000b")),
        "variables.script",
        "must not contain control characters other than tab, CR and LF, was 'a\\u0000b'");
    assertThat(withVariables(Map.of("script", "a\r\n\tb")).variables().get("script"))
        .isEqualTo("a\r\n\tb");
  }

  @Test
  void nullKeysAndValuesAreTypedErrors() {
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    rejects(() -> withVariables(nullKey), "variables", "keys must be text, not null, was null");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("greeting", null);
    rejects(() -> withVariables(nullValue), "variables.greeting", "must not be null, was null");
    assertThat(withVariables(null).variables()).isEmpty();
  }

  @Test
  void atMost32Variables() {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i <= NewLead.MAX_VARIABLES; i++) {
      many.put("k" + i, "v");
    }
    rejects(() -> withVariables(many), "variables", "must hold at most 32 entries, was 33 entries");
    many.remove("k0");
    assertThat(withVariables(many).variables()).hasSize(NewLead.MAX_VARIABLES);
  }

  @Test
  void timeZonesMustBeKnown() {
    NewLead lead = NewLead.of("+12125550101");
    assertThat(lead.withTimeZoneId("America/New_York").timeZone())
        .isEqualTo(ZoneId.of("America/New_York"));
    rejects(
        () -> lead.withTimeZoneId("Mars/Olympus"),
        "timeZone",
        "must be a known time zone id, was 'Mars/Olympus'");
    rejects(
        () -> lead.withTimeZoneId("Europe/\nParis"),
        "timeZone",
        "must be a known time zone id, was 'Europe/\\nParis'");
    rejects(() -> lead.withTimeZoneId(null), "timeZone", "must be a known time zone id, was null");
    rejects(
        () -> lead.withTimeZoneId("x".repeat(5000)),
        "timeZone",
        "must be a known time zone id, was 5000 characters");
  }

  @Test
  void priorityStaysWhereAPolicyBonusCannotOverflow() {
    NewLead lead = NewLead.of("+12125550101");
    assertThat(lead.withPriority(NewLead.MAX_PRIORITY).priority()).isEqualTo(1_000_000);
    assertThat(lead.withPriority(NewLead.MIN_PRIORITY).priority()).isEqualTo(-1_000_000);
    rejects(
        () -> lead.withPriority(Integer.MAX_VALUE),
        "priority",
        "must be between -1000000 and 1000000, was 2147483647");
    rejects(
        () -> lead.withPriority(-1_000_001),
        "priority",
        "must be between -1000000 and 1000000, was -1000001");
  }

  @Test
  void aRejectionOutsideAnImportCanBePlacedAtItsRow() {
    InvalidLeadException made =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () -> lead("x\ny", null, null), InvalidLeadException.class);
    InvalidLeadException atRow = made.atRow(7);
    assertThat(atRow.row()).isEqualTo(7);
    assertThat(atRow.field()).isEqualTo("name");
    assertThat(atRow.reason()).isEqualTo(made.reason());
    assertThat(atRow.getMessage()).startsWith("lead at row 7: name must not contain");
    assertThat(atRow.getCause()).isSameAs(made);
  }
}
