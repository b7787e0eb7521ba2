package dev.dialkit.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The time zone a phone number is in, from libphonenumber's prefix data ({@link
 * PhoneNumberToTimeZonesMapper}, in the {@code com.googlecode.libphonenumber:geocoder} artifact).
 * Thread-safe and stateless; the prefix data is loaded once, on first use.
 *
 * <p>A number has a zone only when the data names exactly one. A number of a country or area that
 * spans several zones (a US toll-free {@code +1 800} number, say) is ambiguous, and a number the
 * data does not place gets only the unknown zone {@code Etc/Unknown}: in both cases {@link
 * #forNumber} is empty and the caller falls back to the campaign's calling-window zone.
 */
public final class TimeZones {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final PhoneNumberToTimeZonesMapper MAPPER =
      PhoneNumberToTimeZonesMapper.getInstance();
  private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

  private TimeZones() {}

  /**
   * The one time zone of {@code number}, such as {@code America/New_York} for a {@code +1 212}
   * number. The id is the IANA id the library gives, which may be a backward-compatible alias the
   * JDK also knows ({@code Asia/Calcutta} for India).
   *
   * @return the zone; empty if the data gives only the unknown zone {@code Etc/Unknown}, several
   *     zones (ambiguous), or a zone id this JDK does not know
   * @throws NullPointerException if {@code number} is null
   */
  public static Optional<ZoneId> forNumber(PhoneNumber number) {
    Objects.requireNonNull(number, "number");
    List<String> zones;
    try {
      zones = MAPPER.getTimeZonesForNumber(UTIL.parse(number.e164(), null));
    } catch (NumberParseException e) {
      return Optional.empty(); // not expected: a PhoneNumber is valid E.164
    }
    if (zones.size() != 1 || zones.get(0).equals(UNKNOWN)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ZoneId.of(zones.get(0)));
    } catch (DateTimeException e) {
      return Optional.empty(); // prefix data newer than this JDK's time-zone database
    }
  }
}
