package dev.dialkit.provider.plivo;

import static dev.dialkit.provider.plivo.PlivoRequests.assertAccepted;
import static dev.dialkit.provider.plivo.PlivoRequests.assertRejected;
import static dev.dialkit.provider.plivo.PlivoRequests.form;
import static dev.dialkit.provider.plivo.PlivoRequests.get;
import static dev.dialkit.provider.plivo.PlivoRequests.post;

import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The V3 vectors of Plivo's official SDKs, expressed as the requests Plivo sends. They are the same
 * four in plivo-go's {@code utils_test.go} ({@code TestValidateSignatureV3Pass1..4}, plivo/plivo-go
 * 273a836) and plivo-ruby's {@code spec/signature_spec.rb} (the four {@code valid_signatureV3?}
 * cases, plivo/plivo-ruby 52737a8), and they pass plivo-python's {@code validate_v3_signature}
 * (checked here with plivo-python a0cd323). A GET carries its parameters in the query, which is how
 * Plivo sends them; the SDKs take them as a separate map.
 *
 * <p>Not ported: plivo-python, -java, -node, -php, -ruby and -dotnet have V2 vectors only otherwise
 * ({@code ehV3IKh...} for {@code https://answer.url}); Dialkit does not accept V2, which signs the
 * URL alone, and {@link #aV2SignatureIsNotAccepted} shows it. plivo-dotnet's {@code
 * TestSignatureV3.cs} reuses the same four values but pairs {@code UBq8...} with the URL without
 * its query (its Pass2; the file does not compile: {@code params} is a C# keyword); under every
 * SDK's algorithm that signature covers {@code ?a=b&c=d}, so Dialkit rejects that pairing ({@link
 * #plivoDotnetPass2PairingIsRejected}).
 */
class PlivoOfficialVectorsTest {
  private static final String TOKEN = "Y2Q2ZDgxZmY5YWRiOTI5YmQ1Njg0MTAxZWIyOTc4";
  private static final String NONCE = "31627761595286130198";
  private static final String URL =
      "https://plivobin.non-prod.plivops.com/api/v1/validate_signature03.xml";
  private static final String URL_WITH_QUERY = URL + "/?a=b&c=d";

  private final PlivoSignatureV3 validator = new PlivoSignatureV3(TOKEN);

  private static Map<String, String> params() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Direction", "outbound");
    p.put("From", "19792014278");
    p.put("ALegUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36");
    p.put("CallStatus", "in-progress");
    p.put("BillRate", "0.002");
    p.put("ParentAuthID", "MANWVLYTK4ZWU1YTY4QA");
    p.put("To", "sip:PlivoSignature382029104058171078704104@phone-qa.voice.plivodev.com");
    p.put("ALegRequestUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36");
    p.put("CallUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36");
    p.put("RequestUUID", "3e82ae9d-2c78-4d85-b1a4-6eae7dbafb36");
    p.put(
        "SIP-H-To", "<sip:PlivoSignature382029104058171078704104@52.9.11.55;transport=udp>;tag=1");
    p.put("SessionStart", "2020-04-08 11:34:33.238707");
    p.put("Event", "StartApp");
    return p;
  }

  @Test
  void testValidateSignatureV3Pass1PostWithQuery() {
    String signature = "k7Pusd4OxCIjR5IfA9iedDNu/h/gbdYqdzG/MiYtd1c=";
    assertAccepted(validator, post(URL_WITH_QUERY, signature, NONCE, form(params())));
    assertRejected(validator, post(URL + "/?a=b&c=e", signature, NONCE, form(params())));
  }

  @Test
  void testValidateSignatureV3Pass2GetWithQuery() {
    String signature = "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=";
    assertAccepted(validator, get(URL_WITH_QUERY + "&" + form(params()), signature, NONCE));
    // the order of the query does not matter: it is sorted
    assertAccepted(validator, get(URL + "/?" + form(params()) + "&c=d&a=b", signature, NONCE));
  }

  @Test
  void testValidateSignatureV3Pass3PostWithoutQuery() {
    String signature = "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=";
    assertAccepted(validator, post(URL, signature, NONCE, form(params())));
    Map<String, String> tampered = params();
    tampered.put("CallStatus", "completed");
    assertRejected(validator, post(URL, signature, NONCE, form(tampered)));
  }

  @Test
  void testValidateSignatureV3Pass4GetWithoutQuery() {
    String signature = "i/MQsaQSAd6fiKhOh2qeeeLHZ9faldADSb3/7+Akfbc=";
    assertAccepted(validator, get(URL + "?" + form(params()), signature, NONCE));
    assertRejected(validator, get(URL + "?" + form(params()), signature, "31627761595286130199"));
  }

  @Test
  void theVectorsHoldWithThePortWrittenOutAndBehindAProxy() {
    String signature = "iAjE5QqI37mbkYe4w3jTMudqEzbDufdqi7sYwTu64e0=";
    String withPort = URL.replace(".com/", ".com:443/");
    assertAccepted(validator, post(withPort, signature, NONCE, form(params())));
    PlivoSignatureV3 proxied =
        new PlivoSignatureV3(TOKEN, null, URI.create("https://plivobin.non-prod.plivops.com"));
    String seen = "http://10.0.0.5:8080/api/v1/validate_signature03.xml";
    assertAccepted(proxied, post(seen, signature, NONCE, form(params())));
  }

  @Test
  void plivoDotnetPass2PairingIsRejected() {
    String signature = "UBq8jAtd32wR8EK9VgxbBn4n5rpI/l1H9iN4WfSEHFQ=";
    assertRejected(validator, get(URL + "?" + form(params()), signature, NONCE));
  }

  @Test
  void aV2SignatureIsNotAccepted() {
    // plivo-python test_signature.py, plivo-java UtilsTest, plivo-go TestValidateSignatureV2Pass
    WebhookRequest v2 =
        new WebhookRequest(
            "POST",
            URI.create("https://answer.url"),
            Map.of(
                "X-Plivo-Signature-V2", List.of("ehV3IKhLysWBxC1sy8INm0qGoQYdYsHwuoKjsX7FsXc="),
                "X-Plivo-Signature-V2-Nonce", List.of("12345")),
            "");
    assertRejected(new PlivoSignatureV3("my_auth_token"), v2);
  }
}
