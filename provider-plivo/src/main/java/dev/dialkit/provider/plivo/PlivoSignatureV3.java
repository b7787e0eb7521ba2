package dev.dialkit.provider.plivo;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Plivo's V3 webhook signature: {@code X-Plivo-Signature-V3} with the nonce in {@code
 * X-Plivo-Signature-V3-Nonce}, and optionally {@code X-Plivo-Signature-Ma-V3}, made with the main
 * account's token.
 *
 * <p>The signature is {@code Base64(HMAC-SHA256(authToken, S + "." + nonce))}, both as UTF-8, where
 * S is built from the URL, the method and the parameters as plivo-python's {@code signature_v3.py}
 * builds it ({@link PlivoSigningString}): for a POST with body parameters, {@code
 * scheme://host[:port]/path?} then the URL's query as sorted {@code k=v&...} and {@code "."} if
 * there is a query, then the body parameters as sorted {@code k + v}; for a GET, the base URL and
 * its sorted query. The values of a repeated name are sorted too. Only form-encoded bodies carry
 * parameters; any other body is signed as a POST without parameters. A method other than GET is
 * signed as a POST.
 *
 * <p>A header may list several comma-separated signatures; the request is valid if any matches.
 * When a main-account token is configured and {@code X-Plivo-Signature-Ma-V3} is present, it is
 * checked against that token, and the request is accepted if either the V3 or the Ma-V3 check
 * passes.
 *
 * <p><b>Ports and proxies.</b> Whether Plivo's server signs the port is UNCONFIRMED: plivo-python
 * keeps {@code host:port}, plivo-java drops the port. Every URL form is tried: as received, with
 * and without the default port ({@link WebhookUrls#candidates}) and without any port. Behind a
 * TLS-terminating proxy configure the public base URL; the received URL's scheme, host and port are
 * replaced by it ({@link WebhookUrls#asCalled}).
 *
 * <p>Thread-safe. The tokens appear in no message, {@code toString} or log.
 */
public final class PlivoSignatureV3 {
  /** The account's (or subaccount's) signatures. */
  public static final String HEADER = "X-Plivo-Signature-V3";

  /** Signatures made with the main account's token. */
  public static final String MAIN_ACCOUNT_HEADER = "X-Plivo-Signature-Ma-V3";

  /** The nonce both signatures cover. */
  public static final String NONCE_HEADER = "X-Plivo-Signature-V3-Nonce";

  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final SecretKeySpec key;
  private final SecretKeySpec mainAccountKey;
  private final URI publicBase;

  /**
   * @param authToken the (sub)account's auth token; must not be blank
   * @param mainAccountAuthToken the main account's auth token, to check {@code
   *     X-Plivo-Signature-Ma-V3}; {@code null} to ignore that header, else must not be blank
   * @param publicBase the scheme, host and port Plivo calls when the host sits behind a proxy; only
   *     its scheme and authority are used. {@code null} to check the URL as received
   * @throws InvalidConfigurationException if a token is blank or {@code publicBase} is not absolute
   */
  public PlivoSignatureV3(String authToken, String mainAccountAuthToken, URI publicBase) {
    this.key = key("authToken", authToken);
    this.mainAccountKey =
        mainAccountAuthToken == null ? null : key("mainAccountAuthToken", mainAccountAuthToken);
    if (publicBase != null && (!publicBase.isAbsolute() || publicBase.getHost() == null)) {
      throw new InvalidConfigurationException("publicBaseUrl", publicBase, "must be absolute");
    }
    this.publicBase = publicBase;
  }

  /** A validator for the (sub)account's token alone, checking the URL as received. */
  public PlivoSignatureV3(String authToken) {
    this(authToken, null, null);
  }

  /**
   * Returns normally if {@code request} carries a valid V3 (or Ma-V3) signature.
   *
   * @throws WebhookRejectedException with {@link Reason#SIGNATURE} if the nonce or every signature
   *     header is missing or nothing matches; with {@link Reason#MALFORMED} if a form body is not
   *     valid form encoding
   */
  public void verify(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    String nonce = request.header(NONCE_HEADER);
    if (nonce == null || nonce.isBlank()) {
      throw rejected("missing " + NONCE_HEADER + " header", request);
    }
    List<String> signatures = signatures(request, HEADER);
    List<String> mainSignatures =
        mainAccountKey == null ? List.of() : signatures(request, MAIN_ACCOUNT_HEADER);
    if (signatures.isEmpty() && mainSignatures.isEmpty()) {
      throw rejected("missing " + HEADER + " header", request);
    }
    Map<String, List<String>> query = request.queryParameters();
    Map<String, List<String>> body = bodyParameters(request);
    for (String base : bases(request)) {
      String data = PlivoSigningString.of(request.method(), base, query, body) + "." + nonce;
      if (matches(key, data, signatures) || matches(mainAccountKey, data, mainSignatures)) {
        return;
      }
    }
    throw rejected(HEADER + " does not match", request);
  }

  /**
   * The V3 signature Plivo would send, with the (sub)account's token, for a request to {@code url}
   * (query included) with these form body parameters: useful for tests and tools that simulate
   * Plivo. Signs {@code url} as given, port included.
   */
  public String sign(String method, String url, Map<String, List<String>> params, String nonce) {
    URI uri = URI.create(url);
    String data =
        PlivoSigningString.of(
            method, PlivoSigningString.base(uri), PlivoSigningString.query(uri), params);
    return hmac(key, data + "." + nonce);
  }

  private Set<String> bases(WebhookRequest request) {
    Set<String> bases = new LinkedHashSet<>();
    for (String url : WebhookUrls.candidates(WebhookUrls.asCalled(request.url(), publicBase))) {
      bases.add(PlivoSigningString.base(URI.create(url)));
      bases.add(PlivoSigningString.baseWithoutPort(URI.create(url)));
    }
    return bases;
  }

  private static Map<String, List<String>> bodyParameters(WebhookRequest request) {
    if ("GET".equals(request.method()) || !FORM.equals(request.mediaType())) {
      return Map.of();
    }
    try {
      return request.formParameters();
    } catch (IllegalArgumentException e) {
      throw new WebhookRejectedException(
          Reason.MALFORMED, "Plivo webhook body is not form encoded (" + where(request) + ")");
    }
  }

  /** Every comma-separated signature in every value of the header, trimmed. */
  private static List<String> signatures(WebhookRequest request, String header) {
    List<String> found = new ArrayList<>();
    for (String value : request.headers().getOrDefault(header, List.of())) {
      for (String signature : value.split(",")) {
        if (!signature.isBlank()) {
          found.add(signature.trim());
        }
      }
    }
    return found;
  }

  private static boolean matches(SecretKeySpec key, String data, List<String> signatures) {
    if (key == null || signatures.isEmpty()) {
      return false;
    }
    byte[] expected = hmac(key, data).getBytes(StandardCharsets.UTF_8);
    boolean any = false;
    for (String signature : signatures) { // no early exit: time does not reveal which one matched
      any |= MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
    return any;
  }

  private static String hmac(SecretKeySpec key, String data) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256); // a Mac is not thread-safe: one per signature
      mac.init(key);
      byte[] digest = mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(HMAC_SHA256 + " is required of every JVM", e);
    }
  }

  private static SecretKeySpec key(String field, String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidConfigurationException(field, "<blank>", "must not be blank");
    }
    return new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), HMAC_SHA256);
  }

  private static WebhookRejectedException rejected(String why, WebhookRequest request) {
    return new WebhookRejectedException(
        Reason.SIGNATURE, "Plivo webhook rejected: " + why + " (" + where(request) + ")");
  }

  /** The URL without user info and query, either of which may carry secrets. */
  private static String where(WebhookRequest request) {
    return PlivoSigningString.base(request.url());
  }

  @Override
  public String toString() {
    return "PlivoSignatureV3[mainAccount="
        + (mainAccountKey != null)
        + ", publicBase="
        + publicBase
        + "]";
  }
}
