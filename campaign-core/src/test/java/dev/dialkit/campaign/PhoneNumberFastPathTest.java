package dev.dialkit.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PhoneNumber#parse} asks libphonenumber for the type once instead of validity and type, and
 * {@link TimeZones#forNumber} reuses that type: both must answer exactly as the library's own
 * {@code isValidNumber} and {@code getTimeZonesForNumber} do, for every region's example numbers of
 * every type, and for those numbers with a digit dropped or added.
 */
class PhoneNumberFastPathTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final PhoneNumberToTimeZonesMapper MAPPER =
      PhoneNumberToTimeZonesMapper.getInstance();

  @Test
  void validityAndZonesAgreeWithLibphonenumberForEveryRegionAndType() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String region : UTIL.getSupportedRegions()) {
      for (PhoneNumberType type : PhoneNumberType.values()) {
        Phonenumber.PhoneNumber example = UTIL.getExampleNumberForType(region, type);
        if (example != null) {
          String e164 = UTIL.format(example, PhoneNumberUtil.PhoneNumberFormat.E164);
          texts.add(e164);
          texts.add(e164.substring(0, e164.length() - 1));
          texts.add(e164 + "7");
        }
      }
    }
    assertThat(texts).hasSizeGreaterThan(2000);
    int valid = 0;
    for (String text : texts) {
      Phonenumber.PhoneNumber reference = UTIL.parse(text, null);
      // as before: valid for libphonenumber, and of E.164's shape (which a few valid numbers are
      // not: 16 digits, or too short for Dialkit's rule)
      boolean expectValid =
          UTIL.isValidNumber(reference)
              && PhoneNumber.problem(UTIL.format(reference, PhoneNumberUtil.PhoneNumberFormat.E164))
                  == null;
      Optional<PhoneNumber> parsed = tryParse(text);
      assertThat(parsed.isPresent()).as("valid: %s", text).isEqualTo(expectValid);
      if (parsed.isPresent()) {
        valid++;
        assertThat(TimeZones.forNumber(parsed.get()))
            .as("zone of %s", text)
            .isEqualTo(zone(reference));
        // and again from a number not just parsed (no cached parse to reuse)
        assertThat(TimeZones.forNumber(PhoneNumber.of(parsed.get().e164())))
            .isEqualTo(zone(reference));
      }
    }
    assertThat(valid).isGreaterThan(1000);
  }

  private static Optional<PhoneNumber> tryParse(String text) {
    try {
      return Optional.of(PhoneNumber.parse(text, "US"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The zone as TimeZones computed it before, with the library's own lookup. */
  private static Optional<ZoneId> zone(Phonenumber.PhoneNumber number) {
    List<String> zones = MAPPER.getTimeZonesForNumber(number);
    if (zones.size() != 1
        || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(zones.get(0)));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
