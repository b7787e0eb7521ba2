package dev.dialkit.provider.plivo;

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

/** The vectors of providers.md 2.3, computed with plivo-python's signature_v3 logic. */
class PlivoSignatureV3Test {
  private static final String TOKEN = "MY_AUTH_TOKEN";
  private static final String NONCE = "1234567890";
  private static final String URL = "https://example.com/plivo/hangup";
  private static final String SIGNATURE = "Zn3t4dQIXn/eXlMLzgiC2cJPz5lr80gXnQ6V70KK33M=";
  private static final String SIGNATURE_WITH_QUERY = "EBVj4xtQBW5pUIWvcZ0dxWQgzTp3f1SDz3MEDAc2Xfg=";

  private final PlivoSignatureV3 validator = new PlivoSignatureV3(TOKEN);

  static Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallUUID", "abc-123");
    params.put("CallStatus", "completed");
    params.put("HangupCauseName", "Normal Hangup");
    params.put("Duration", "12");
    return params;
  }

  static Map<String, List<String>> multi(Map<String, String> params) {
    return params.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static WebhookRequest post(String url, Map<String, String> signatureHeaders, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signatureHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
    return WebhookRequest.formPost(URI.create(url), headers, body);
  }

  static WebhookRequest post(String url, String signature) {
    return post(
        url,
        Map.of("X-Plivo-Signature-V3", signature, "X-Plivo-Signature-V3-Nonce", NONCE),
        form(params()));
  }

  @Test
  void buildsTheDocumentedSigningString() {
    assertThat(PlivoSigningString.of("POST", URL, Map.of(), multi(params())))
        .isEqualTo(
            "https://example.com/plivo/hangup?CallStatuscompletedCallUUIDabc-123Duration12"
                + "HangupCauseNameNormal Hangup");
    assertThat(
            PlivoSigningString.of(
                "POST", URL, Map.of("campaign", List.of("42")), Map.of("A", List.of("1"))))
        .isEqualTo(URL + "?campaign=42.A1");
    assertThat(
            PlivoSigningString.of(
                "GET", URL, Map.of("b", List.of("2"), "a", List.of("3", "1")), Map.of()))
        .as("names and the values of a repeated name sorted")
        .isEqualTo(URL + "?a=1&a=3&b=2");
    assertThat(PlivoSigningString.of("POST", URL, Map.of(), Map.of("K", List.of("b", "a"))))
        .isEqualTo(URL + "?KaKb");
    assertThat(PlivoSigningString.of("POST", URL, Map.of(), Map.of())).isEqualTo(URL);
  }

  @Test
  void signsTheVectors() {
    assertThat(validator.sign("POST", URL, multi(params()), NONCE)).isEqualTo(SIGNATURE);
    assertThat(validator.sign("POST", URL + "?campaign=42", multi(params()), NONCE))
        .isEqualTo(SIGNATURE_WITH_QUERY);
  }

  @Test
  void acceptsTheVectorsAsFormPosts() {
    assertThatCode(() -> validator.verify(post(URL, SIGNATURE))).doesNotThrowAnyException();
    assertThatCode(() -> validator.verify(post(URL + "?campaign=42", SIGNATURE_WITH_QUERY)))
        .doesNotThrowAnyException();
    assertRejected(post(URL + "?campaign=43", SIGNATURE_WITH_QUERY));
  }

  @Test
  void anyOfSeveralCommaSeparatedSignaturesMayMatch() {
    String other = validator.sign("POST", URL, Map.of("X", List.of("y")), NONCE);
    assertThatCode(() -> validator.verify(post(URL, other + "," + SIGNATURE)))
        .doesNotThrowAnyException();
    assertThatCode(() -> validator.verify(post(URL, other + ", " + SIGNATURE)))
        .doesNotThrowAnyException();
    assertRejected(post(URL, other + "," + other));
  }

  @Test
  void thePortIsTriedWithAndWithout() {
    assertThatCode(() -> validator.verify(post("https://example.com:443/plivo/hangup", SIGNATURE)))
        .as("received with :443, signed without")
        .doesNotThrowAnyException();
    String url8443 = "https://example.com:8443/plivo/hangup";
    assertThatCode(() -> validator.verify(post(url8443, SIGNATURE)))
        .as("signed without the port, as plivo-java computes it")
        .doesNotThrowAnyException();
    String withPort = validator.sign("POST", url8443, multi(params()), NONCE);
    assertThatCode(() -> validator.verify(post(url8443, withPort)))
        .as("signed with the port, as plivo-python computes it")
        .doesNotThrowAnyException();
  }

  @Test
  void aProxiedRequestVerifiesAgainstThePublicBaseUrl() {
    WebhookRequest proxied = post("http://10.0.0.5:8080/plivo/hangup", SIGNATURE);
    PlivoSignatureV3 behindProxy =
        new PlivoSignatureV3(TOKEN, null, URI.create("https://example.com"));
    assertThatCode(() -> behindProxy.verify(proxied)).doesNotThrowAnyException();
    assertRejected(proxied);
  }

  @Test
  void aGetIsSignedOverTheSortedQuery() {
    String url = "https://example.com/plivo/answer?b=2&a=1";
    String signature = validator.sign("GET", url, Map.of(), NONCE);
    WebhookRequest get =
        new WebhookRequest(
            "GET",
            URI.create(url),
            Map.of(
                "X-Plivo-Signature-V3",
                List.of(signature),
                "X-Plivo-Signature-V3-Nonce",
                List.of(NONCE)),
            "");
    assertThatCode(() -> validator.verify(get)).doesNotThrowAnyException();
  }

  @Test
  void missingHeadersAre403() {
    assertRejected(post(URL, Map.of("X-Plivo-Signature-V3-Nonce", NONCE), form(params())));
    assertRejected(post(URL, Map.of("X-Plivo-Signature-V3", SIGNATURE), form(params())));
    assertThatThrownBy(() -> validator.verify(post(URL, Map.of(), form(params()))))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
  }

  @Test
  void tamperingIsRejected() {
    Map<String, String> tampered = params();
    tampered.put("Duration", "13");
    assertRejected(
        post(
            URL,
            Map.of("X-Plivo-Signature-V3", SIGNATURE, "X-Plivo-Signature-V3-Nonce", NONCE),
            form(tampered)));
    assertRejected(
        post(
            URL,
            Map.of("X-Plivo-Signature-V3", SIGNATURE, "X-Plivo-Signature-V3-Nonce", "1234567891"),
            form(params())));
  }

  @Test
  void theMainAccountSignatureIsCheckedWhenItsTokenIsConfigured() {
    String main = new PlivoSignatureV3("MAIN_TOKEN").sign("POST", URL, multi(params()), NONCE);
    String wrong = validator.sign("POST", URL, Map.of(), NONCE);
    WebhookRequest request =
        post(
            URL,
            Map.of(
                "X-Plivo-Signature-V3", wrong,
                "X-Plivo-Signature-Ma-V3", main,
                "X-Plivo-Signature-V3-Nonce", NONCE),
            form(params()));
    PlivoSignatureV3 withMain = new PlivoSignatureV3(TOKEN, "MAIN_TOKEN", null);
    assertThatCode(() -> withMain.verify(request)).doesNotThrowAnyException();
    assertRejected(request);
  }

  @Test
  void theTokensAreNeverShown() {
    PlivoSignatureV3 withMain = new PlivoSignatureV3(TOKEN, "MAIN_TOKEN", null);
    assertThat(withMain.toString()).doesNotContain(TOKEN).doesNotContain("MAIN_TOKEN");
    assertThatThrownBy(() -> withMain.verify(post(URL, "bogus")))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("MAIN_TOKEN");
    assertThatThrownBy(() -> new PlivoSignatureV3(""))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("authToken must not be blank, was <blank>");
    assertThatThrownBy(() -> new PlivoSignatureV3(TOKEN, " ", null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("mainAccountAuthToken must not be blank, was <blank>");
  }

  private void assertRejected(WebhookRequest request) {
    assertThatThrownBy(() -> validator.verify(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE))
        .hasMessageNotContaining(TOKEN);
  }
}
