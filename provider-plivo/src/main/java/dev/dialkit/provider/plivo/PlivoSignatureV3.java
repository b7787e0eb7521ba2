package dev.dialkit.provider.plivo;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRejectedException.Reason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.FormFields;
import dev.dialkit.campaign.spi.WebhookUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Plivo's V3 webhook signature from the raw request, before anything in it is parsed:
 * {@code X-Plivo-Signature-V3} and {@code X-Plivo-Signature-Ma-V3}, over the nonce in {@code
 * X-Plivo-Signature-V3-Nonce}.
 *
 * <p>The signature is {@code Base64(HMAC-SHA256(token, S + "." + nonce))}, where S is built from
 * the URL, the method, the query and the form body parameters ({@link PlivoSigningString}: for a
 * POST with body parameters {@code base?sorted(k=v&...)} then {@code "."} if there is a query, then
 * the body parameters as sorted {@code k + v}; for a GET, the base URL and its sorted query). Every
 * variant one of Plivo's official SDKs computes is tried (port kept or dropped, repeated names in
 * full or first value only, non-ASCII encoded once or twice), no other.
 *
 * <p><b>Headers and tokens.</b> Plivo's docs ({@code docs.plivo.com/docs/voice/xml/request/
 * validation}) name "X-Plivo-Signature-V3 or X-Plivo-Signature-Ma-V3" as the signature to check
 * with the account's auth token; for the V2 pair they say the {@code -Ma-} header is "always
 * generated using the Auth Token of the main account" ({@code docs.plivo.com/docs/messaging/
 * concepts/signature-validation}). That V3's {@code -Ma-} header follows the same rule is inferred,
 * not documented. So every signature of either header is checked against the (sub)account's token
 * and, when configured, the main account's: any match accepts the request. A header may list
 * several comma-separated signatures (all SDKs split on {@code ,}); at most {@value
 * #MAX_SIGNATURES} are looked at.
 *
 * <p><b>Rejected as {@link Reason#SIGNATURE} (403)</b>, whatever the content: a missing nonce or
 * signature, too many signatures, a query or form body that is not valid form encoding (a broken
 * {@code %} escape, bytes that are not UTF-8: Plivo never sends them, so such a request cannot
 * carry a valid signature), a body that is not a form (V3 covers form parameters only), no match.
 * This class never answers MALFORMED: only a verified request is parsed.
 *
 * <p><b>Proxies.</b> Behind a TLS-terminating proxy configure the public base URL; the received
 * URL's scheme, host and port are replaced by it ({@link WebhookUrls#asCalled}).
 *
 * <p>Thread-safe. The tokens, the signatures and the request's values appear in no message, {@code
 * toString} or log.
 */
public final class PlivoSignatureV3 {
  /** The account's (or subaccount's) signatures. */
  public static final String HEADER = "X-Plivo-Signature-V3";

  /** Signatures made with the main account's token. */
  public static final String MAIN_ACCOUNT_HEADER = "X-Plivo-Signature-Ma-V3";

  /** The nonce both signatures cover. */
  public static final String NONCE_HEADER = "X-Plivo-Signature-V3-Nonce";

  /** The most signatures looked at in one request, both headers together. */
  public static final int MAX_SIGNATURES = 16;

  private static final String HMAC_SHA256 = "HmacSHA256";

  private final List<SecretKeySpec> keys;
  private final URI publicBase;

  /**
   * @param authToken the (sub)account's auth token; must not be blank
   * @param mainAccountAuthToken the main account's auth token, also accepted for either header;
   *     {@code null} for none, else must not be blank
   * @param publicBase the scheme, host and port Plivo calls when the host sits behind a proxy; only
   *     its scheme and authority are used. {@code null} to check the URL as received
   * @throws InvalidConfigurationException if a token is blank or {@code publicBase} is not absolute
   */
  public PlivoSignatureV3(String authToken, String mainAccountAuthToken, URI publicBase) {
    List<SecretKeySpec> k = new ArrayList<>();
    k.add(key("authToken", authToken));
    if (mainAccountAuthToken != null) {
      k.add(key("mainAccountAuthToken", mainAccountAuthToken));
    }
    if (publicBase != null && (!publicBase.isAbsolute() || publicBase.getHost() == null)) {
      throw new InvalidConfigurationException("publicBaseUrl", publicBase, "must be absolute");
    }
    this.keys = List.copyOf(k);
    this.publicBase = publicBase;
  }

  /** A validator for the (sub)account's token alone, checking the URL as received. */
  public PlivoSignatureV3(String authToken) {
    this(authToken, null, null);
  }

  /**
   * Returns normally if {@code request} carries a valid V3 (or Ma-V3) signature.
   *
   * @throws WebhookRejectedException with {@link Reason#SIGNATURE} if it does not, for any reason
   */
  public void verify(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    String nonce = request.header(NONCE_HEADER);
    if (nonce == null || nonce.isBlank()) {
      throw rejected("missing " + NONCE_HEADER + " header");
    }
    List<byte[]> signatures = signatures(request);
    URI url = WebhookUrls.asCalled(request.url(), publicBase);
    FormFields query =
        FormFields.decode(url.getRawQuery())
            .orElseThrow(() -> rejected("the query is not valid form encoding"));
    FormFields body = body(request);
    for (String signed : PlivoSigningString.candidates(request.method(), url, query, body)) {
      String data = signed + "." + nonce;
      for (SecretKeySpec key : keys) {
        if (matches(hmac(key, data), signatures)) {
          return;
        }
      }
    }
    throw rejected("no " + HEADER + " or " + MAIN_ACCOUNT_HEADER + " signature matches");
  }

  /**
   * The V3 signature Plivo would send, with the (sub)account's token, for a request to {@code url}
   * (query included) with these form body parameters, as plivo-python computes it: useful for tests
   * and tools that simulate Plivo. Signs {@code url} as given, port included.
   *
   * @throws IllegalArgumentException if {@code url} is not a URI or its query not form encoding
   */
  public String sign(String method, String url, Map<String, List<String>> params, String nonce) {
    URI uri = URI.create(url);
    Map<String, List<String>> query =
        FormFields.decode(uri.getRawQuery())
            .map(FormFields::byName)
            .orElseThrow(() -> new IllegalArgumentException("the query is not form encoding"));
    String data = PlivoSigningString.of(method, PlivoSigningString.base(uri), query, params);
    return hmac(keys.get(0), data + "." + nonce);
  }

  private static FormFields body(WebhookRequest request) {
    if (request.method().equals("GET") || request.body().isEmpty()) {
      return FormFields.decode("").orElseThrow();
    }
    if (!FormFields.FORM.equals(request.mediaType())) {
      throw rejected("a body that is not a form is not covered by the signature");
    }
    return FormFields.decode(request.body())
        .orElseThrow(() -> rejected("the body is not valid form encoding"));
  }

  /** Every comma-separated signature in every value of both headers, trimmed. */
  private static List<byte[]> signatures(WebhookRequest request) {
    List<byte[]> found = new ArrayList<>();
    for (String header : List.of(HEADER, MAIN_ACCOUNT_HEADER)) {
      for (String value : request.headers().getOrDefault(header, List.of())) {
        for (String signature : value.split(",", -1)) {
          if (!signature.isBlank()) {
            found.add(signature.trim().getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    if (found.isEmpty()) {
      throw rejected("missing " + HEADER + " header");
    }
    if (found.size() > MAX_SIGNATURES) {
      throw rejected("more than " + MAX_SIGNATURES + " signatures");
    }
    return found;
  }

  private static boolean matches(String computed, List<byte[]> signatures) {
    byte[] expected = computed.getBytes(StandardCharsets.UTF_8);
    boolean any = false;
    for (byte[] signature : signatures) { // no early exit: time does not reveal which one matched
      any |= MessageDigest.isEqual(expected, signature);
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

  private static WebhookRejectedException rejected(String why) {
    return new WebhookRejectedException(Reason.SIGNATURE, "Plivo webhook rejected: " + why);
  }

  @Override
  public String toString() {
    return "PlivoSignatureV3[mainAccount=" + (keys.size() > 1) + ", publicBase=" + publicBase + "]";
  }
}
