package dev.dialkit.campaign;

import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
  private static final PhoneNumberToTimeZonesMapper MAPPER =
      PhoneNumberToTimeZonesMapper.getInstance();
  private static final String UNKNOWN = PhoneNumberToTimeZonesMapper.getUnknownTimeZone();

  /** The zones of non-geographical numbers, which depend on the country calling code only. */
  private static final Map<Integer, List<String>> COUNTRY_ZONES = new ConcurrentHashMap<>();

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
    // parsed() reuses the parse of PhoneNumber.parse when it just made this number
    com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed = number.parsed();
    if (parsed == null) {
      return Optional.empty(); // not expected: a PhoneNumber is valid E.164
    }
    // as MAPPER.getTimeZonesForNumber, without asking libphonenumber the number's type again: a
    // geographical number is placed by its prefix, any other by its country alone (cached)
    PhoneNumberType type = number.libphonenumberType();
    if (type == PhoneNumberType.UNKNOWN) {
      return Optional.empty();
    }
    List<String> zones =
        PhoneNumberUtil.getInstance().isNumberGeographical(type, parsed.getCountryCode())
            ? MAPPER.getTimeZonesForGeographicalNumber(parsed)
            : COUNTRY_ZONES.computeIfAbsent(
                parsed.getCountryCode(), cc -> MAPPER.getTimeZonesForNumber(parsed));
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
