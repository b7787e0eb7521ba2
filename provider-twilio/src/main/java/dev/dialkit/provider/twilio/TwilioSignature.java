package dev.dialkit.provider.twilio;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.FormFields;
import dev.dialkit.campaign.spi.WebhookUrls;
import dev.dialkit.provider.twilio.internal.TwilioUrlForms;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the {@code X-Twilio-Signature} header of a Twilio webhook from the raw request, before
 * anything in it is parsed, accepting exactly what Twilio's official validators accept (twilio-java
 * {@code RequestValidator}, twilio-node {@code webhooks.ts}).
 *
 * <p><b>What is signed.</b> The URL as Twilio called it (scheme, host, path and query), then, for a
 * form POST ({@code application/x-www-form-urlencoded}), every body parameter as {@code name +
 * value} with no separators, names in {@link String} order (case-sensitive). A GET, and a POST
 * without a body, are signed over the URL alone. A JSON (or other non-form) body is signed over the
 * URL alone, and that URL carries {@code bodySHA256}, the lowercase hex SHA-256 of the body, which
 * must match the body received. The signature is {@code Base64(HMAC-SHA1(authToken, data))}, both
 * as UTF-8, compared in constant time.
 *
 * <p><b>Tolerance</b>, no more than the official validators':
 *
 * <ul>
 *   <li>URL forms ({@link TwilioUrlForms}): as given; twilio-java's port stripping (any port) or
 *       default port, re-quoted by {@code java.net.URI}; twilio-node's {@code removePort} and
 *       {@code addPort} of the WHATWG-normalised URL, and both with Node's legacy query encoding.
 *   <li>Repeated body keys: twilio-node's rule (the values of a name de-duplicated and sorted) and
 *       twilio-java's (a {@code Map<String, String>} holds one value per name; Dialkit takes the
 *       first, which is what {@code ServletRequest.getParameter} gives and what Dialkit's parser
 *       reads, so a value appended by someone else is never the one used).
 *   <li>A form POST whose URL also carries {@code bodySHA256} verifies either way.
 * </ul>
 *
 * <p><b>Rejected as {@link Reason#SIGNATURE} (403)</b>, whatever the content: a missing or blank
 * header; a body or query that is not valid form encoding (a broken {@code %} escape, bytes that
 * are not UTF-8: Twilio never sends them, so such a request cannot carry a valid signature); a
 * non-form body without {@code bodySHA256}, or not matching it; no form matching. This class never
 * answers MALFORMED: only a verified request is parsed.
 *
 * <p><b>Proxies.</b> Behind a TLS-terminating proxy or tunnel the host sees a URL Twilio never
 * called. Configure the public base URL and the received URL's scheme, host and port are replaced
 * by it ({@link WebhookUrls#asCalled}) before the forms above are made.
 *
 * <p>Thread-safe. The auth token, the header and the request's values appear in no message, {@code
 * toString} or log.
 */
public final class TwilioSignature {
  /** The header Twilio puts the signature in. */
  public static final String HEADER = "X-Twilio-Signature";

  private static final String HMAC_SHA1 = "HmacSHA1";
  private static final String BODY_SHA256 = "bodySHA256";

  private final SecretKeySpec key;
  private final URI publicBase;

  /**
   * @param authToken the account's auth token, the HMAC key; must not be blank
   * @param publicBase the scheme, host and port Twilio calls (for example {@code
   *     https://calls.example.com}) when the host sits behind a proxy; only its scheme and
   *     authority are used. {@code null} to check the URL as received
   * @throws InvalidConfigurationException if {@code authToken} is blank or {@code publicBase} is
   *     not absolute
   */
  public TwilioSignature(String authToken, URI publicBase) {
    if (authToken == null || authToken.isBlank()) {
      throw new InvalidConfigurationException("authToken", "<blank>", "must not be blank");
    }
    if (publicBase != null && (!publicBase.isAbsolute() || publicBase.getHost() == null)) {
      throw new InvalidConfigurationException("publicBaseUrl", publicBase, "must be absolute");
    }
    this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
    this.publicBase = publicBase;
  }

  /** A validator that checks the URL as received (no proxy in front of the host). */
  public TwilioSignature(String authToken) {
    this(authToken, null);
  }

  /**
   * Returns normally if {@code request} carries a valid Twilio signature.
   *
   * @throws WebhookRejectedException with {@link Reason#SIGNATURE} if it does not, for any reason
   */
  public void verify(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    String header = request.header(HEADER);
    if (header == null || header.isBlank()) {
      throw rejected("missing " + HEADER + " header");
    }
    URI url = WebhookUrls.asCalled(request.url(), publicBase);
    FormFields query =
        FormFields.decode(url.getRawQuery())
            .orElseThrow(() -> rejected("the query is not valid form encoding"));
    byte[] expected = header.trim().getBytes(StandardCharsets.UTF_8);
    Set<String> suffixes = signedParameters(request, query);
    for (String form : TwilioUrlForms.of(url)) {
      for (String suffix : suffixes) {
        if (MessageDigest.isEqual(hmac(form + suffix).getBytes(StandardCharsets.UTF_8), expected)) {
          return;
        }
      }
    }
    throw rejected(HEADER + " does not match");
  }

  /**
   * The signature Twilio sends for a request to {@code url} with these form body parameters, as
   * twilio-node computes it (names sorted, the values of a name de-duplicated and sorted): useful
   * for tests and tools that simulate Twilio.
   *
   * @param url the full URL, query included, exactly as called
   * @param params the form body parameters, decoded; empty for a GET or a JSON body
   */
  public String sign(String url, Map<String, List<String>> params) {
    return hmac(url + parameters(params, false));
  }

  /**
   * What follows the URL in the signed data, for each way an official validator reads the body: the
   * form parameters (twilio-node's and twilio-java's rules), or nothing when the URL alone is
   * signed. Empty if the body cannot be verified at all.
   */
  private Set<String> signedParameters(WebhookRequest request, FormFields query) {
    Set<String> suffixes = new LinkedHashSet<>();
    if (request.method().equals("GET")) {
      suffixes.add(""); // the fields are in the URL
      return suffixes;
    }
    boolean form = FormFields.FORM.equals(request.mediaType());
    if (form) {
      Map<String, List<String>> params =
          FormFields.decode(request.body())
              .map(FormFields::byName)
              .orElseThrow(() -> rejected("the body is not valid form encoding"));
      suffixes.add(parameters(params, false));
      suffixes.add(parameters(params, true));
    }
    String claimed = query.first(BODY_SHA256);
    if (claimed != null) {
      byte[] actual = sha256Hex(request.body()).getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(actual, claimed.getBytes(StandardCharsets.UTF_8))) {
        suffixes.add("");
      } else if (!form) {
        throw rejected("the body does not match " + BODY_SHA256);
      }
    } else if (!form) {
      if (!request.body().isEmpty()) {
        throw rejected("a body that is not a form needs " + BODY_SHA256 + " in the URL");
      }
      suffixes.add("");
    }
    return suffixes;
  }

  /**
   * The parameters as appended to the URL: names in {@link String} order, then either every
   * distinct value of a name in {@link String} order (twilio-node) or only its first value
   * (twilio-java's {@code Map}).
   */
  private static String parameters(Map<String, List<String>> params, boolean firstValueOnly) {
    StringBuilder data = new StringBuilder();
    for (String name : new TreeSet<>(params.keySet())) {
      List<String> values = new ArrayList<>(params.get(name));
      values.replaceAll(v -> v == null ? "" : v);
      List<String> signed =
          firstValueOnly
              ? values.subList(0, Math.min(1, values.size()))
              : List.copyOf(new TreeSet<>(values));
      for (String value : signed) {
        data.append(name).append(value);
      }
    }
    return data.toString();
  }

  private String hmac(String data) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA1); // a Mac is not thread-safe: one per signature
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC_SHA1 + " is required of every JVM", e);
    }
  }

  private static String sha256Hex(String body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static WebhookRejectedException rejected(String why) {
    return new WebhookRejectedException(Reason.SIGNATURE, "Twilio webhook rejected: " + why);
  }

  @Override
  public String toString() {
    return "TwilioSignature[publicBase=" + publicBase + "]";
  }
}
