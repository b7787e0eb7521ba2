package dev.dialkit.provider.twilio;

import static dev.dialkit.provider.twilio.TwilioRequests.DEFAULT_PARAMS;
import static dev.dialkit.provider.twilio.TwilioRequests.assertAccepted;
import static dev.dialkit.provider.twilio.TwilioRequests.assertRejected;
import static dev.dialkit.provider.twilio.TwilioRequests.form;
import static dev.dialkit.provider.twilio.TwilioRequests.get;
import static dev.dialkit.provider.twilio.TwilioRequests.json;
import static dev.dialkit.provider.twilio.TwilioRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dialkit's own rules around the official vectors ({@link TwilioJavaVectorsTest}, {@link
 * TwilioNodeVectorsTest}): the raw body is verified before it is decoded, hostile input is 403, and
 * the tolerance stops where the official validators stop.
 */
class TwilioSignatureTest {
  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

  private final TwilioSignature validator = new TwilioSignature(TOKEN);

  private static Map<String, List<String>> multi(Map<String, String> params) {
    return params.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
  }

  @Test
  void signsTheVectorsOfTwilioJava() {
    assertThat(validator.sign(URL, multi(DEFAULT_PARAMS))).isEqualTo(SIGNATURE);
    assertThat(validator.sign(URL.replace(".com", ".com:443"), multi(DEFAULT_PARAMS)))
        .isEqualTo("kvajT1Ptam85bY51eRf/AJRuM3w=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CallStatus=%ZZ", "CallStatus=%4", "CallStatus=50%", "%=1", "a=%e2%82"})
  void aBodyThatIsNotFormEncodingIs403NeverMalformed(String broken) {
    String body = form(DEFAULT_PARAMS) + "&" + broken;
    assertRejected(validator, post(URL, SIGNATURE, body));
    assertRejected(validator, post(URL, null, body));
    assertRejected(validator, post(URL, "", body));
  }

  @Test
  void escapedBytesThatAreNotUtf8Are403EvenIfSignedAsALenientDecoderReadsThem() {
    // URLDecoder reads %FF as U+FFFD; Twilio never sends such bytes, so no signature makes it valid
    String lenient = validator.sign(URL, Map.of("Digits", List.of("\uFFFD")));
    assertRejected(validator, post(URL, lenient, "Digits=%FF"));
  }

  @Test
  void aQueryThatIsNotUtf8Is403() {
    String url = "https://mycompany.com/myapp.php?foo=%FF";
    assertRejected(validator, post(url, validator.sign(url, Map.of()), ""));
  }

  @Test
  void nonAsciiValuesAreSignedAsUtf8() {
    Map<String, String> params = Map.of("Body", "¿Qué tal? 你好 👋", "From", "+14158675309");
    String signature = validator.sign(URL, multi(params));
    assertAccepted(validator, post(URL, signature, params));
    assertRejected(validator, post(URL, signature, Map.of("Body", "Que tal", "From", "+1415")));
  }

  @Test
  void aNonStandardPortIsStrippedAsTwilioJavaAndTwilioNodeDo() {
    assertAccepted(validator, post(URL.replace(".com", ".com:8443"), SIGNATURE, DEFAULT_PARAMS));
    String withPort = validator.sign(URL.replace(".com", ".com:8443"), multi(DEFAULT_PARAMS));
    assertAccepted(validator, post(URL.replace(".com", ".com:8443"), withPort, DEFAULT_PARAMS));
    assertRejected(validator, post(URL.replace(".com", ".com:8443"), "x" + withPort, ""));
  }

  @Test
  void repeatedKeysVerifyAsTwilioNodeAndTwilioJavaReadThem() {
    String url = "https://mycompany.com/hook";
    // twilio-node: the values of a name de-duplicated and sorted (getExpectedTwilioSignature)
    String node = "fpm8y1kK5K7dz6RKBwDhUlKN5B4=";
    assertThat(validator.sign(url, Map.of("K", List.of("b", "a", "b")))).isEqualTo(node);
    assertAccepted(validator, post(url, node, "K=b&K=a&K=b"));
    // twilio-java: a Map<String, String> keeps one value, the first (ServletRequest.getParameter)
    String java = validator.sign(url, Map.of("K", List.of("b")));
    assertAccepted(validator, post(url, java, "K=b&K=a&K=b"));
    // no official validator signs every value in the order received, nor the last value alone
    assertRejected(validator, post(url, validator.sign(url + "KbKaKb", Map.of()), "K=b&K=a&K=b"));
    assertRejected(validator, post(url, validator.sign(url, Map.of("K", List.of("a"))), "K=b&K=a"));
  }

  @Test
  void aFormWhoseQueryMeansSomethingElseIsNotTried() {
    // twilio-java's re-quoting of https://mycompany.com:8443/p?a=b%26c%3Dd is .../p?a=b&c=d: one
    // parameter became two. Dialkit does not let a signature over the second vouch for the first.
    String signed = validator.sign("https://mycompany.com/p?a=b&c=d", Map.of());
    assertAccepted(validator, get("https://mycompany.com:8443/p?a=b&c=d", signed));
    assertRejected(validator, get("https://mycompany.com:8443/p?a=b%26c%3Dd", signed));
    String plus = validator.sign("https://mycompany.com/p?bar=test+value", Map.of());
    assertRejected(validator, get("https://mycompany.com:8443/p?bar=test%2Bvalue", plus));
  }

  @Test
  void aJsonBodyMustMatchItsBodySha256() {
    String body = "{\"CallSid\":\"CA1\"}";
    String url =
        "https://mycompany.com/hook?bodySHA256="
            + "9ad6c2c8d2ea2b3e52dcc57e8d95e5ffe5a06eaf86ed5e63b3bcd4a0e7c3f5c0";
    String signature = validator.sign(url, Map.of());
    assertRejected(validator, json(url, signature, body)); // the hash is not this body's
    assertRejected(validator, json("https://mycompany.com/hook", signature, body));
  }

  @Test
  void aFormPostWhoseUrlCarriesBodySha256VerifiesEitherWay() {
    String body = form(DEFAULT_PARAMS);
    String url =
        "https://mycompany.com/hook?bodySHA256="
            + java.util.HexFormat.of()
                .formatHex(sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertAccepted(validator, post(url, validator.sign(url, multi(DEFAULT_PARAMS)), body));
    assertAccepted(validator, post(url, validator.sign(url, Map.of()), body));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aGetIsSignedOverTheUrlAlone() {
    assertAccepted(validator, get(URL, "zYQTYrRWXE7LtzbG4PfP7/bkkGo="));
    assertRejected(validator, get(URL + "&x=1", "zYQTYrRWXE7LtzbG4PfP7/bkkGo="));
  }

  @Test
  void aProxiedRequestVerifiesAgainstThePublicBaseUrl() {
    String proxied = "http://10.0.0.5:8080/myapp.php?foo=1&bar=2";
    TwilioSignature behindProxy = new TwilioSignature(TOKEN, URI.create("https://mycompany.com"));
    assertAccepted(behindProxy, post(proxied, SIGNATURE, DEFAULT_PARAMS));
    assertRejected(validator, post(proxied, SIGNATURE, DEFAULT_PARAMS));
  }

  @Test
  void aTamperedParameterIsRejected() {
    Map<String, String> tampered = new java.util.HashMap<>(DEFAULT_PARAMS);
    tampered.put("Digits", "1235");
    assertRejected(validator, post(URL, SIGNATURE, tampered));
    Map<String, String> added = new java.util.HashMap<>(DEFAULT_PARAMS);
    added.put("Extra", "x");
    assertRejected(validator, post(URL, SIGNATURE, added));
  }

  @Test
  void messagesNameNoTokenNoHeaderAndNoRequestValue() {
    String secret = "s3cr3t-auth-token";
    TwilioSignature signer = new TwilioSignature(secret, URI.create("https://mycompany.com"));
    assertThat(signer.toString()).doesNotContain(secret);
    String hostile = "CallSid=CA1%0d%0aFAKE%20LOG%20LINE&CallStatus=%ZZ";
    assertThatThrownBy(() -> signer.verify(post(URL + "&evil=%0a", "sig\r\nX: y", hostile)))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageNotContaining(secret)
        .hasMessageNotContaining("FAKE")
        .hasMessageNotContaining("sig")
        .hasMessageNotContaining("evil")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> signer.verify(post(URL, SIGNATURE, DEFAULT_PARAMS)))
        .hasMessageContaining("X-Twilio-Signature")
        .hasMessageNotContaining("myapp");
    assertThatThrownBy(() -> new TwilioSignature(" "))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("authToken must not be blank, was <blank>");
    assertThatThrownBy(() -> new TwilioSignature(TOKEN, URI.create("/relative")))
        .isInstanceOf(InvalidConfigurationException.class);
  }
}
