package dev.dialkit.provider.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The vectors of providers.md 1.3, from twilio-java's RequestValidatorTest. */
class TwilioSignatureTest {
  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final String URL_443 = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
  private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
  private static final String SIGNATURE_443 = "kvajT1Ptam85bY51eRf/AJRuM3w=";
  private static final String JSON = "{\"property\": \"value\", \"boolean\": true}";
  private static final String JSON_SHA256 =
      "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

  private final TwilioSignature validator = new TwilioSignature(TOKEN);

  static Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", "CA1234567890ABCDE");
    params.put("Caller", "+14158675309");
    params.put("Digits", "1234");
    params.put("From", "+14158675309");
    params.put("To", "+18005551212");
    return params;
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8); // "+" becomes %2B
  }

  static WebhookRequest post(String url, String signature, String body) {
    Map<String, List<String>> headers =
        signature == null ? Map.of() : Map.of("x-twilio-signature", List.of(signature));
    return WebhookRequest.formPost(URI.create(url), headers, body);
  }

  @Test
  void signsTheVectorsOfTwilioJava() {
    Map<String, List<String>> params =
        TwilioSignatureTest.params().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    assertThat(validator.sign(URL, params)).isEqualTo(SIGNATURE);
    assertThat(validator.sign(URL_443, params)).isEqualTo(SIGNATURE_443);
  }

  @Test
  void acceptsTheVectorAsAFormPost() {
    assertThat(form(params())).contains("Caller=%2B14158675309");
    assertThatCode(() -> validator.verify(post(URL, SIGNATURE, form(params()))))
        .doesNotThrowAnyException();
  }

  @Test
  void theDefaultPortIsTriedBothWays() {
    assertThatCode(() -> validator.verify(post(URL_443, SIGNATURE, form(params()))))
        .as("received with :443, signed without")
        .doesNotThrowAnyException();
    assertThatCode(() -> validator.verify(post(URL, SIGNATURE_443, form(params()))))
        .as("received without a port, signed with :443")
        .doesNotThrowAnyException();
  }

  @Test
  void aJsonBodyIsCheckedAgainstItsBodySha256() {
    String url = "https://mycompany.com/myapp.php?bodySHA256=" + JSON_SHA256;
    String signature = validator.sign(url, Map.of());
    assertThatCode(() -> validator.verify(json(url, signature, JSON))).doesNotThrowAnyException();

    assertRejected(json(url, signature, JSON.replace("true", "false")));
    assertRejected(json("https://mycompany.com/myapp.php", signature, JSON));
  }

  private static WebhookRequest json(String url, String signature, String body) {
    Map<String, List<String>> headers =
        Map.of(
            "X-Twilio-Signature", List.of(signature), "Content-Type", List.of("application/json"));
    return new WebhookRequest("POST", URI.create(url), headers, body);
  }

  @Test
  void aGetIsSignedOverTheUrlAlone() {
    String signature = validator.sign(URL, Map.of());
    WebhookRequest get =
        new WebhookRequest(
            "GET", URI.create(URL), Map.of("X-Twilio-Signature", List.of(signature)), "");
    assertThatCode(() -> validator.verify(get)).doesNotThrowAnyException();
  }

  @Test
  void aProxiedRequestVerifiesAgainstThePublicBaseUrl() {
    WebhookRequest proxied =
        post("http://10.0.0.5:8080/myapp.php?foo=1&bar=2", SIGNATURE, form(params()));
    TwilioSignature behindProxy = new TwilioSignature(TOKEN, URI.create("https://mycompany.com"));
    assertThatCode(() -> behindProxy.verify(proxied)).doesNotThrowAnyException();
    assertRejected(proxied);
  }

  @Test
  void aMissingHeaderIs403() {
    assertThatThrownBy(() -> validator.verify(post(URL, null, form(params()))))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE);
              assertThat(e.httpStatus()).isEqualTo(403);
            });
  }

  @Test
  void aTamperedParameterIsRejected() {
    Map<String, String> tampered = params();
    tampered.put("Digits", "1235");
    assertRejected(post(URL, SIGNATURE, form(tampered)));
    Map<String, String> added = params();
    added.put("Extra", "x");
    assertRejected(post(URL, SIGNATURE, form(added)));
  }

  @Test
  void repeatedKeysAreSignedInTheOrderReceived() {
    String url = "https://mycompany.com/hook";
    String inOrder = validator.sign(url, Map.of("K", List.of("b", "a")));
    assertThat(inOrder).isEqualTo(validator.sign(url + "KbKa", Map.of()));
    assertThatCode(() -> validator.verify(post(url, inOrder, "K=b&K=a")))
        .doesNotThrowAnyException();
    assertRejected(post(url, inOrder, "K=a&K=b"));
  }

  @Test
  void theTokenIsNeverShown() {
    String secret = "s3cr3t-auth-token";
    TwilioSignature signer = new TwilioSignature(secret, URI.create("https://mycompany.com"));
    assertThat(signer.toString()).doesNotContain(secret);
    assertThatThrownBy(() -> signer.verify(post(URL, SIGNATURE, form(params()))))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageNotContaining(secret)
        .hasMessageContaining("X-Twilio-Signature");
    assertThatThrownBy(() -> new TwilioSignature(" "))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("authToken must not be blank, was <blank>");
    assertThatThrownBy(() -> new TwilioSignature(TOKEN, URI.create("/relative")))
        .isInstanceOf(InvalidConfigurationException.class);
  }

  private void assertRejected(WebhookRequest request) {
    assertThatThrownBy(() -> validator.verify(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE))
        .hasMessageNotContaining(TOKEN);
  }
}
