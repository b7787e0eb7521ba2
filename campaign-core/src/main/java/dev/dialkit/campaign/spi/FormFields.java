package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The name/value pairs of {@code application/x-www-form-urlencoded} text (a request body or a URL's
 * raw query), decoded strictly. The rules are those of the WHATWG URL standard's form parser,
 * except that invalid input is refused instead of repaired:
 *
 * <ul>
 *   <li>pairs are separated by {@code &}; an empty pair ({@code a=1&&b=2}, or a leading or trailing
 *       {@code &}) is skipped;
 *   <li>a name ends at its pair's first {@code =}; a pair without {@code =} has the value {@code
 *       ""};
 *   <li>{@code +} is a space; {@code %XX} (two hex digits, either case) is one byte, and a run of
 *       such bytes is decoded as UTF-8 ({@code %2B} is a literal {@code +}); any other character
 *       stands for itself;
 *   <li>a repeated name is kept: {@link #pairs} and {@link #byName} hold every value in the order
 *       received, and {@link #first} reads the first.
 * </ul>
 *
 * <p>{@link #decode} never throws. Text that is not such an encoding (a {@code %} not followed by
 * two hex digits, escaped bytes that are not UTF-8, an unpaired surrogate) yields an empty {@code
 * Optional}, not a best guess. No provider sends such text, so a request carrying it was not sent
 * by the provider: the caller rejects it as unsigned ({@link
 * dev.dialkit.campaign.WebhookRejectedException.Reason#SIGNATURE}, 403) before reading anything
 * from it, rather than guessing what was meant.
 *
 * <p>A provider's signature check and its parser must both read the request through this one
 * decoding, so that the values parsed are the values the signature covered. Two decoders that
 * differ on any input (one lenient about {@code %ZZ}, one reading {@code +} literally, one taking
 * the first of a repeated name and the other the last) let a forger build a request that verifies
 * under one reading and is parsed under the other.
 */
public final class FormFields {
  /** The form media type. */
  public static final String FORM = "application/x-www-form-urlencoded";

  private final List<Map.Entry<String, String>> pairs;

  private FormFields(List<Map.Entry<String, String>> pairs) {
    this.pairs = List.copyOf(pairs);
  }

  /**
   * The fields of a provider's form-encoded callback, once its signature has been verified: the
   * URL's query for a GET (providers configured to call back with GET put the fields there), else
   * the body, which must then be {@code application/x-www-form-urlencoded}.
   *
   * @param provider how the provider is named in the rejection's message, e.g. {@code "Twilio"}
   * @throws WebhookRejectedException MALFORMED (400) for another content type or text that is not
   *     valid form encoding
   */
  public static FormFields ofCallback(WebhookRequest request, String provider) {
    String what = request.method().equals("GET") ? "query" : "body";
    if (what.equals("body") && !FORM.equals(request.mediaType())) {
      throw malformed(
          provider,
          "content type must be " + FORM + ", was " + Untrusted.quote(request.mediaType()));
    }
    String encoded = what.equals("body") ? request.body() : request.url().getRawQuery();
    return decode(encoded)
        .orElseThrow(() -> malformed(provider, "the " + what + " is not valid form encoding"));
  }

  private static WebhookRejectedException malformed(String provider, String message) {
    return new WebhookRejectedException(
        WebhookRejectedException.Reason.MALFORMED, provider + " webhook: " + message);
  }

  /** The fields of {@code encoded} ({@code null} is empty), or empty if it is not valid. */
  public static Optional<FormFields> decode(String encoded) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return Optional.of(new FormFields(pairs));
    }
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = component(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : component(pair.substring(eq + 1));
      if (name == null || value == null) {
        return Optional.empty();
      }
      pairs.add(Map.entry(name, value));
    }
    return Optional.of(new FormFields(pairs));
  }

  /** The pairs in the order received. */
  public List<Map.Entry<String, String>> pairs() {
    return pairs;
  }

  /** Names in first-seen order, each with its values in the order received. */
  public Map<String, List<String>> byName() {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : pairs) {
      byName.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue());
    }
    return byName;
  }

  /** The first value of {@code name}, or {@code null}. */
  public String first(String name) {
    for (Map.Entry<String, String> p : pairs) {
      if (p.getKey().equals(name)) {
        return p.getValue();
      }
    }
    return null;
  }

  /** Decodes one name or value; {@code null} if it is not valid form encoding. */
  private static String component(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    byte[] pending = new byte[raw.length()];
    int count = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
        if (lo < 0) {
          return null;
        }
        pending[count++] = (byte) (hi << 4 | lo);
        i += 2;
        continue;
      }
      if (count > 0 && !flush(pending, count, out)) {
        return null;
      }
      count = 0;
      if (Character.isHighSurrogate(c)
          && i + 1 < raw.length()
          && Character.isLowSurrogate(raw.charAt(i + 1))) {
        out.append(c).append(raw.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        return null;
      } else {
        out.append(c == '+' ? ' ' : c);
      }
    }
    return count > 0 && !flush(pending, count, out) ? null : out.toString();
  }

  private static boolean flush(byte[] bytes, int count, StringBuilder out) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      out.append(strict.decode(ByteBuffer.wrap(bytes, 0, count)));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
