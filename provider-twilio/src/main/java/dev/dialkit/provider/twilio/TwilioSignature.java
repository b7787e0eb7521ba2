package dev.dialkit.provider.twilio;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.WebhookUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies the {@code X-Twilio-Signature} header of a Twilio webhook, as twilio-java's {@code
 * RequestValidator} does.
 *
 * <p>The signed data is the URL exactly as Twilio called it (scheme, host, path and query), then,
 * for a form POST ({@code application/x-www-form-urlencoded}), every body parameter as {@code name
 * + value} with no separators, names sorted in Java {@link String} order (case-sensitive). A GET is
 * signed over the URL alone. A JSON (or any other non-form) body is signed over the URL alone, and
 * that URL must carry {@code bodySHA256}, the lowercase hex SHA-256 of the raw body, which must
 * match the body received. The signature is {@code Base64(HMAC-SHA1(authToken, data))}, both as
 * UTF-8, compared in constant time.
 *
 * <p><b>Repeated keys.</b> twilio-java takes the parameters as a {@code Map<String, String>} and
 * cannot represent a key sent twice (twilio-python #613 reports such requests failing to validate);
 * twilio-node deduplicates and sorts the values. What Twilio's server signs is not documented, so
 * this class appends {@code name + value} for every value of a repeated key in the order received,
 * with no deduplication.
 *
 * <p><b>Proxies and ports.</b> Behind a TLS-terminating proxy or tunnel the host sees a URL Twilio
 * never called. Configure the public base URL and the received URL's scheme, host and port are
 * replaced by it ({@link WebhookUrls#asCalled}). Twilio has been inconsistent about writing the
 * default port, so the URL is tried with and without it ({@link WebhookUrls#candidates}); the
 * request is accepted if any form matches.
 *
 * <p>Thread-safe. The auth token appears in no message, {@code toString} or log.
 */
public final class TwilioSignature {
  /** The header Twilio puts the signature in. */
  public static final String HEADER = "X-Twilio-Signature";

  private static final String HMAC_SHA1 = "HmacSHA1";
  private static final String FORM = "application/x-www-form-urlencoded";
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
   * @throws WebhookRejectedException with {@link Reason#SIGNATURE} if the header is missing, no URL
   *     form matches, or a JSON body does not match its {@code bodySHA256}; with {@link
   *     Reason#MALFORMED} if a form body is not valid form encoding
   */
  public void verify(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    String received = request.header(HEADER);
    if (received == null || received.isBlank()) {
      throw rejected("missing " + HEADER + " header", request);
    }
    Map<String, List<String>> params = signedParameters(request);
    byte[] expected = received.trim().getBytes(StandardCharsets.UTF_8);
    for (String url : WebhookUrls.candidates(WebhookUrls.asCalled(request.url(), publicBase))) {
      if (MessageDigest.isEqual(sign(url, params).getBytes(StandardCharsets.UTF_8), expected)) {
        return;
      }
    }
    throw rejected(HEADER + " does not match", request);
  }

  /**
   * The signature Twilio would send for a request to {@code url} with these body parameters: useful
   * for tests and tools that simulate Twilio. Names are sorted in {@link String} order; the values
   * of a name are appended in list order.
   *
   * @param url the full URL, query included, exactly as called
   * @param params the form body parameters; empty for a GET or a JSON body
   */
  public String sign(String url, Map<String, List<String>> params) {
    StringBuilder data = new StringBuilder(url);
    List<String> names = new ArrayList<>(params.keySet());
    names.sort(null);
    for (String name : names) {
      for (String value : params.get(name)) {
        data.append(name).append(value == null ? "" : value);
      }
    }
    try {
      Mac mac = Mac.getInstance(HMAC_SHA1); // a Mac is not thread-safe: one per signature
      mac.init(key);
      byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC_SHA1 + " is required of every JVM", e);
    }
  }

  /** The parameters appended to the URL; checks a non-form body against its bodySHA256. */
  private Map<String, List<String>> signedParameters(WebhookRequest request) {
    if (FORM.equals(request.mediaType())) {
      try {
        return request.formParameters();
      } catch (IllegalArgumentException e) {
        throw new WebhookRejectedException(
            Reason.MALFORMED, "Twilio webhook body is not form encoded (" + where(request) + ")");
      }
    }
    String claimed = request.queryParameter(BODY_SHA256);
    if (claimed == null && request.body().isEmpty()) {
      return Map.of(); // a GET, or a POST without a body: the URL alone is signed
    }
    if (claimed == null) {
      throw rejected("the URL of a non-form body carries no " + BODY_SHA256, request);
    }
    String actual = sha256Hex(request.body());
    if (!MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.UTF_8), claimed.getBytes(StandardCharsets.UTF_8))) {
      throw rejected("the body does not match " + BODY_SHA256, request);
    }
    return Map.of();
  }

  private static String sha256Hex(String body) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static WebhookRejectedException rejected(String why, WebhookRequest request) {
    return new WebhookRejectedException(
        Reason.SIGNATURE, "Twilio webhook rejected: " + why + " (" + where(request) + ")");
  }

  /** The URL without user info and query, either of which may carry secrets. */
  private static String where(WebhookRequest request) {
    URI url = request.url();
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    return url.getScheme() + "://" + url.getHost() + port + url.getRawPath();
  }

  @Override
  public String toString() {
    return "TwilioSignature[publicBase=" + publicBase + "]";
  }
}
