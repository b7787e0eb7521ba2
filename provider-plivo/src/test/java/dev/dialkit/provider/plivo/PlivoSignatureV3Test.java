package dev.dialkit.provider.plivo;

import static dev.dialkit.provider.plivo.PlivoRequests.assertAccepted;
import static dev.dialkit.provider.plivo.PlivoRequests.assertRejected;
import static dev.dialkit.provider.plivo.PlivoRequests.form;
import static dev.dialkit.provider.plivo.PlivoRequests.get;
import static dev.dialkit.provider.plivo.PlivoRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signing-string variants of Plivo's SDKs and Dialkit's own rules around them. Unless said
 * otherwise a vector was computed with plivo-python's {@code signature_v3.py} (plivo/plivo-python
 * a0cd323, run as published), token {@code MY_AUTH_TOKEN}, nonce {@code 1234567890}; the official
 * SDKs' own vectors are in {@link PlivoOfficialVectorsTest}.
 */
class PlivoSignatureV3Test {
  private static final String TOKEN = "MY_AUTH_TOKEN";
  private static final String NONCE = "1234567890";
  private static final String URL = "https://example.com/plivo/hangup";
  // providers.md 2.3
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

  @Test
  void buildsPlivoPythonsSigningString() {
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
  void signsAndAcceptsTheVectorsOfProvidersMd() {
    assertThat(validator.sign("POST", URL, multi(params()), NONCE)).isEqualTo(SIGNATURE);
    assertThat(validator.sign("POST", URL + "?campaign=42", multi(params()), NONCE))
        .isEqualTo(SIGNATURE_WITH_QUERY);
    assertAccepted(validator, post(URL, SIGNATURE, NONCE, form(params())));
    assertAccepted(
        validator, post(URL + "?campaign=42", SIGNATURE_WITH_QUERY, NONCE, form(params())));
    assertRejected(
        validator, post(URL + "?campaign=43", SIGNATURE_WITH_QUERY, NONCE, form(params())));
  }

  @Test
  void aPostWithoutBodyParametersAsPlivoPythonAndPlivoJavaSignIt() {
    // plivo-python: the bare URL, or URL?query
    assertAccepted(validator, post(URL, "OWgzYkA2EUecG/C4NY/7Uno/QLPb3udJ+0eRYC11vnM=", NONCE, ""));
    assertAccepted(
        validator,
        post(URL + "?campaign=42", "HguTp5j2r2OCTj0x5a3ttW4ERzYorp5AWpWaM9GDI1U=", NONCE, ""));
    // plivo-java Utils.generateUrl: URL? and URL?query. (HMAC of those strings)
    assertAccepted(validator, post(URL, "ShHzp8nRXI7kQknImmwvBxQWDbDNTHkqOM2NUVae8lo=", NONCE, ""));
    assertAccepted(
        validator,
        post(URL + "?campaign=42", "srelogL9gNQj+ugJKGuKah/A2Emn698kW1XpxWq6p3w=", NONCE, ""));
  }

  @Test
  void repeatedNamesAsPlivoPythonAndPlivoGoReadThem() {
    String body = "CallUUID=abc-123&K=b&K=a";
    // plivo-python: every value, sorted ({"K": ["b", "a"]})
    assertAccepted(
        validator, post(URL, "/Tygbf7tIL3RqtEaNoBwllOIrk8WGpPD+r5F/bTd9Gw=", NONCE, body));
    // plivo-go's map[string]string, filled from url.Values: the first value (HMAC of URL?...Kb)
    assertAccepted(
        validator, post(URL, "uCK3fvzRzcO34X9KCYBNzddrijR7AUrxYFC2tR++bvA=", NONCE, body));
    // a GET's repeated query names, plivo-python
    assertAccepted(
        validator,
        get(URL + "?a=2&b=x&a=1", "9pA3DfQxUOVhHuh0IruHVQ6gSIpWtXb6e7jXFA+JVcU=", NONCE));
    // every value in the order received (URL?KbKa) is no SDK's reading
    assertRejected(
        validator, post(URL, "j5tO+kmGRY+SCv1Mr9u6zhx8NhDfxH1EZyrpklATxJg=", NONCE, "K=b&K=a"));
  }

  @Test
  void nonAsciiValuesEncodedOnceAsMostSdksOrTwiceAsPlivoPhp() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallUUID", "abc-123");
    p.put("CallerName", "José Müller 你好");
    assertAccepted(
        validator, post(URL, "/qp3ANRyoDruwLgWQROex4gRQTWwEWhBvhPykv8qT4Y=", NONCE, form(p)));
    // plivo-php: utf8_encode(whole string), i.e. UTF-8 bytes taken as Latin-1, encoded again
    assertAccepted(
        validator, post(URL, "9lzefUvhpy7blSYTHXWu3TJokN6aL+jvhEbI+bSvxcQ=", NONCE, form(p)));
    p.put("CallerName", "Jose Muller");
    assertRejected(
        validator, post(URL, "/qp3ANRyoDruwLgWQROex4gRQTWwEWhBvhPykv8qT4Y=", NONCE, form(p)));
  }

  @Test
  void thePortIsTriedWithAndWithout() {
    String url8443 = "https://example.com:8443/plivo/hangup";
    // plivo-python keeps host:port
    assertAccepted(
        validator,
        post(url8443, "+8YjAhFFtKz9fTI1drGWHuih05qMDRBVqC69VnxSukw=", NONCE, "CallUUID=abc-123"));
    // plivo-java, -ruby, -dotnet drop the port
    assertAccepted(validator, post(url8443, SIGNATURE, NONCE, form(params())));
    assertAccepted(
        validator, post("https://example.com:443/plivo/hangup", SIGNATURE, NONCE, form(params())));
  }

  @Test
  void aPercentEncodedPathIsTriedAsReceivedAndDecoded() {
    String raw = "https://example.com/plivo%20hooks/hangup";
    String asReceived = validator.sign("POST", raw, multi(params()), NONCE);
    assertAccepted(validator, post(raw, asReceived, NONCE, form(params())));
    // plivo-go's URL.Path, plivo-java's URLDecoder: the path decoded ("/plivo hooks/hangup")
    String decoded = "sZKrPW1fsWHV6ULSO4qPHt8CVDk4YHSi2glEGEodcg0=";
    assertAccepted(validator, post(raw, decoded, NONCE, form(params())));
    assertRejected(validator, post(URL, decoded, NONCE, form(params())));
  }

  @Test
  void anyOfSeveralCommaSeparatedSignaturesMayMatch() {
    String other = validator.sign("POST", URL, Map.of("X", List.of("y")), NONCE);
    assertAccepted(validator, post(URL, other + "," + SIGNATURE, NONCE, form(params())));
    assertAccepted(validator, post(URL, other + ", " + SIGNATURE, NONCE, form(params())));
    assertRejected(validator, post(URL, other + "," + other, NONCE, form(params())));
    String many = String.join(",", Collections.nCopies(PlivoSignatureV3.MAX_SIGNATURES, other));
    assertRejected(validator, post(URL, many + "," + SIGNATURE, NONCE, form(params())));
  }

  @Test
  void eitherHeaderVerifiesWithEitherConfiguredToken() {
    String main = new PlivoSignatureV3("MAIN_TOKEN").sign("POST", URL, multi(params()), NONCE);
    PlivoSignatureV3 withMain = new PlivoSignatureV3(TOKEN, "MAIN_TOKEN", null);
    for (String header : List.of(PlivoSignatureV3.HEADER, PlivoSignatureV3.MAIN_ACCOUNT_HEADER)) {
      WebhookRequest byMain = request(Map.of(header, main));
      WebhookRequest byAccount = request(Map.of(header, SIGNATURE));
      assertAccepted(withMain, byMain);
      assertAccepted(withMain, byAccount);
      assertAccepted(validator, byAccount);
      assertRejected(validator, byMain); // the main token is not configured
    }
    // a wrong V3 signature does not spoil a valid Ma-V3 one
    WebhookRequest both =
        request(
            Map.of(
                PlivoSignatureV3.HEADER, "bm90LWl0", PlivoSignatureV3.MAIN_ACCOUNT_HEADER, main));
    assertAccepted(withMain, both);
  }

  private static WebhookRequest request(Map<String, String> signatures) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signatures.forEach((name, value) -> headers.put(name, List.of(value)));
    headers.put(PlivoSignatureV3.NONCE_HEADER, List.of(NONCE));
    return WebhookRequest.formPost(URI.create(URL), headers, form(params()));
  }

  @Test
  void aProxiedRequestVerifiesAgainstThePublicBaseUrl() {
    WebhookRequest proxied =
        post("http://10.0.0.5:8080/plivo/hangup", SIGNATURE, NONCE, form(params()));
    PlivoSignatureV3 behindProxy =
        new PlivoSignatureV3(TOKEN, null, URI.create("https://example.com"));
    assertAccepted(behindProxy, proxied);
    assertRejected(validator, proxied);
  }

  @Test
  void missingHeadersAre403() {
    assertRejected(validator, post(URL, null, NONCE, form(params())));
    assertRejected(validator, post(URL, SIGNATURE, null, form(params())));
    assertRejected(validator, post(URL, " , ", NONCE, form(params())));
    assertRejected(validator, post(URL, null, null, form(params())));
  }

  @Test
  void tamperingIsRejected() {
    Map<String, String> tampered = params();
    tampered.put("Duration", "13");
    assertRejected(validator, post(URL, SIGNATURE, NONCE, form(tampered)));
    assertRejected(validator, post(URL, SIGNATURE, "1234567891", form(params())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Duration=%ZZ", "Duration=1%", "%=1", "Duration=%C3", "Duration=%FF"})
  void aBodyThatIsNotFormEncodingIs403NeverMalformed(String broken) {
    String body = form(params()) + "&" + broken;
    assertRejected(validator, post(URL, SIGNATURE, NONCE, body));
    assertRejected(validator, post(URL, null, NONCE, body));
  }

  @Test
  void aQueryThatIsNotUtf8OrABodyThatIsNotAFormIs403() {
    String url = URL + "?campaign=%FF";
    assertRejected(validator, post(url, SIGNATURE, NONCE, form(params())));
    WebhookRequest json =
        new WebhookRequest(
            "POST",
            URI.create(URL),
            Map.of(
                PlivoSignatureV3.HEADER,
                List.of(validator.sign("POST", URL, Map.of(), NONCE)),
                PlivoSignatureV3.NONCE_HEADER,
                List.of(NONCE),
                "Content-Type",
                List.of("application/json")),
            "{\"CallUUID\":\"abc-123\"}");
    assertRejected(validator, json); // V3 covers no JSON body: the URL alone would vouch for it
  }

  @Test
  void messagesNameNoTokenNoSignatureAndNoRequestValue() {
    PlivoSignatureV3 withMain = new PlivoSignatureV3(TOKEN, "MAIN_TOKEN", null);
    assertThat(withMain.toString()).doesNotContain(TOKEN).doesNotContain("MAIN_TOKEN");
    String hostile = "CallUUID=abc%0d%0aFAKE%20LOG&Duration=%ZZ";
    assertThatThrownBy(() -> withMain.verify(post(URL + "?evil=1", "sig-value", NONCE, hostile)))
        .isInstanceOf(WebhookRejectedException.class)
        .hasMessageNotContaining(TOKEN)
        .hasMessageNotContaining("MAIN_TOKEN")
        .hasMessageNotContaining("FAKE")
        .hasMessageNotContaining("sig-value")
        .hasMessageNotContaining("evil");
    assertThatThrownBy(() -> new PlivoSignatureV3(""))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("authToken must not be blank, was <blank>");
    assertThatThrownBy(() -> new PlivoSignatureV3(TOKEN, " ", null))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("mainAccountAuthToken must not be blank, was <blank>");
  }
}
