package dev.dialkit.provider.twilio;

import static dev.dialkit.provider.twilio.TwilioRequests.DEFAULT_PARAMS;
import static dev.dialkit.provider.twilio.TwilioRequests.assertAccepted;
import static dev.dialkit.provider.twilio.TwilioRequests.assertRejected;
import static dev.dialkit.provider.twilio.TwilioRequests.get;
import static dev.dialkit.provider.twilio.TwilioRequests.json;
import static dev.dialkit.provider.twilio.TwilioRequests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every case of twilio-node's {@code spec/validation.spec.js} and {@code
 * spec/unit/webhooks/webhooks.spec.js} (twilio/twilio-node 45d3d65), named after its {@code
 * it(...)} text, expressed as the request Twilio would send. Where a case signs a URL with {@code
 * getExpectedTwilioSignature}, the signature was computed with twilio-node's own function and is
 * written here as a literal, so that Dialkit's signing code is not what the test checks against.
 */
class TwilioNodeVectorsTest {
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
  private static final String BODY = "{\"property\": \"value\", \"boolean\": true}";
  private static final String BODY_HASH =
      "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
  private static final String URL_WITH_HASH = URL + "&bodySHA256=" + BODY_HASH;
  private static final String URL_WITH_HASH_SIGNATURE = "a9nBmqA0ju/hNViExpshrM61xv4=";

  /** spec/validation.spec.js, "Request validation" (token 12345). */
  @Nested
  class RequestValidation {
    private final TwilioSignature validator = new TwilioSignature("12345");

    @Test
    void shouldSucceedWithTheCorrectSignature() {
      assertAccepted(validator, post(URL, SIGNATURE, DEFAULT_PARAMS));
    }

    @Test
    void shouldFailWhenGivenTheWrongSignature() {
      assertRejected(validator, post(URL, "WRONG_SIGNATURE", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidatePostBodyCorrectly() {
      assertAccepted(validator, json(URL_WITH_HASH, URL_WITH_HASH_SIGNATURE, BODY));
    }

    @Test
    void shouldFailToValidateWithWrongSha() {
      // validateBody(body, "WRONG_HASH"): the URL carrying it is signed, the hash does not match
      String url = URL + "&bodySHA256=WRONG_HASH";
      assertRejected(validator, json(url, "Sdaz9D+/0gfnaU/4LgRNHobiZ+0=", BODY));
      assertRejected(validator, json(URL_WITH_HASH, URL_WITH_HASH_SIGNATURE, BODY + " "));
    }

    @Test
    void shouldValidateRequestBodyWhenGiven() {
      assertAccepted(validator, json(URL_WITH_HASH, URL_WITH_HASH_SIGNATURE, BODY));
    }

    @Test
    void shouldValidateRequestBodyWhenEmpty() {
      String url =
          URL + "&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
      assertAccepted(validator, json(url, "Ldidvp12m26NI7eqEvxnEpkd9Hc=", "{}"));
    }

    @Test
    void shouldValidateRequestBodyWithOnlyShaParam() {
      String url = "https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH;
      assertAccepted(validator, json(url, "y77kIzt2vzLz71DgmJGsen2scGs=", BODY));
    }

    @Test
    void shouldFailValidationIfGivenBodyButNoBodySha256Param() {
      assertRejected(validator, json(URL, SIGNATURE, BODY));
    }

    @Test
    void shouldFailWhenSignatureUndefined() {
      assertRejected(validator, post(URL, null, DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateHttpsUrlsWithPortsByStrippingThem() {
      assertAccepted(validator, post(URL.replace(".com", ".com:1234"), SIGNATURE, DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateHttpUrlsWithPorts() {
      String url = URL.replace(".com", ".com:1234").replace("https", "http");
      assertAccepted(validator, post(url, "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateHttpsUrlsWithoutPortsByAddingStandardPort443() {
      assertAccepted(validator, post(URL, "kvajT1Ptam85bY51eRf/AJRuM3w=", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateHttpUrlsWithoutPortsByAddingStandardPort80() {
      String url = URL.replace("https", "http");
      assertAccepted(validator, post(url, "0ZXoZLH/DfblKGATFgpif+LLRf4=", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateUrlsWithCredentials() {
      String url = "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2";
      assertAccepted(validator, post(url, "CukzLTc1tT5dXEDIHm/tKBanW10=", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateUrlsWithJustUsername() {
      String url = "https://user@mycompany.com/myapp.php?foo=1&bar=2";
      assertAccepted(validator, post(url, "2YRLlVAflCqxaNicjMpJcSTgzSs=", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateUrlsWithCredentialsByAddingPort() {
      String url = "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2";
      assertAccepted(validator, post(url, "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateUrlsWithSpecialCharacters() {
      String url = URL + "&Body=It's+amazing";
      assertAccepted(validator, post(url, "TfZzewPq8wqrGlMfyAud8+/IvJ0=", DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateRequestBodyWithAnArrayParameter() {
      String body =
          "MessagingBinding.Address=%2B1325xxxxxxx&MessagingBinding.Address=%2B1415xxxxxxx";
      assertAccepted(validator, post(URL, "83O6e2vORAoJHUNzJjDWN1jz+BA=", body));
    }

    @Test
    void shouldValidateRequestBodyWithAnArrayParameterRegardlessOfThePositionOfValuesInTheArray() {
      String body =
          "MessagingBinding.Address=%2B1415xxxxxxx&MessagingBinding.Address=%2B1325xxxxxxx";
      assertAccepted(validator, post(URL, "83O6e2vORAoJHUNzJjDWN1jz+BA=", body));
    }

    @Test
    void shouldValidateRequestBodyWithMultipleParamsAndValues() {
      String body = "Sid=CA123&SidAccount=AC123&Digits=5678&Digits=1234&Digits=1234";
      assertAccepted(validator, post(URL, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", body));
    }
  }

  /**
   * spec/validation.spec.js, "Request validation middleware": the request as the Express middleware
   * sees it. "should bypass validation if given {validate:false}" has no counterpart: Dialkit
   * cannot switch verification off.
   */
  @Nested
  class RequestValidationMiddleware {
    private final TwilioSignature validator = new TwilioSignature("12345");

    @Test
    void shouldValidateStandardRequests() {
      assertAccepted(validator, post(URL, SIGNATURE, DEFAULT_PARAMS));
    }

    @Test
    void shouldSend403ForInvalidSignatures() {
      String url = URL + "&somethingUnexpected=true";
      assertRejected(validator, post(url, SIGNATURE, DEFAULT_PARAMS));
    }

    @Test
    void shouldValidateIfOptionsPassedButNotValidateFlag() {
      String url = URL + "&somethingUnexpected=true";
      assertRejected(validator, post(url, SIGNATURE, DEFAULT_PARAMS));
    }

    @Test
    void shouldAcceptManualHostAndProto() {
      // host mycompany.com and protocol https configured; the request arrived at another host
      TwilioSignature configured =
          new TwilioSignature("12345", URI.create("https://mycompany.com"));
      String seen = "http://someothercompany.com/myapp.php?foo=1&bar=2";
      assertAccepted(configured, post(seen, SIGNATURE, DEFAULT_PARAMS));
    }

    @Test
    void shouldAcceptManualUrlAndOverrideHostAndProto() {
      // Dialkit's publicBaseUrl replaces scheme, host and port; path and query are the request's
      TwilioSignature configured =
          new TwilioSignature("12345", URI.create("https://mycompany.com/ignored/path"));
      String seen = "http://someothercompany.com/myapp.php?foo=1&bar=2";
      assertAccepted(configured, post(seen, SIGNATURE, DEFAULT_PARAMS));
    }

    @Test
    void shouldValidatePostBodyIfGivenAQueryParam() {
      assertAccepted(validator, json(URL_WITH_HASH, URL_WITH_HASH_SIGNATURE, BODY));
    }

    @Test
    void shouldFailValidationOfPostBodyWithWrongHash() {
      String sliced = URL_WITH_HASH.substring(0, URL_WITH_HASH.length() - 1);
      assertRejected(validator, json(sliced, URL_WITH_HASH_SIGNATURE, BODY));
      // even signed correctly over the sliced URL, the hash does not match the body
      assertRejected(validator, json(sliced, "FkNkOZ8sSGmgOu3D/uWFG2keEVw=", BODY));
    }

    @Test
    void shouldFailIfNoTwilioSignatureIsProvidedInTheRequestHeaders() {
      // twilio-node's middleware answers 400 here; Dialkit answers every unsigned request 403
      WebhookRequest unsigned = post(URL + "&somethingUnexpected=true", null, DEFAULT_PARAMS);
      assertThatThrownBy(() -> validator.verify(unsigned))
          .isInstanceOfSatisfying(
              WebhookRejectedException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
    }
  }

  /** spec/unit/webhooks/webhooks.spec.js, "validateRequest()" (token s3cr3t, params {}). */
  @Nested
  class ValidateRequest {
    private final TwilioSignature validator = new TwilioSignature("s3cr3t");
    // getExpectedTwilioSignature("s3cr3t", url, {}) for each server URL
    private static final String PARAM = "loLgTitFAoWx57yy5oEU4Hlddzw=";
    private static final String PARAM_443 = "IdwMFypqvNxti3YgvWWmfcNL26M=";
    private static final String QUOTE = "GfI7onHX/KQ2k1oVS3cUTVk4IEw=";
    private static final String ESCAPED_QUOTE = "HkuXLxVQ7zHv9LmGpzlLuGaxhJY=";

    @Test
    void shouldReturnFalseWhenTheSignatureUrlDoesNotMatchTheTargetUrl() {
      assertRejected(validator, get("https://example.com/path?test=param2", PARAM));
    }

    @Test
    void withPortShouldReturnTrueWhenTheTargetUrlContainsThePort() {
      assertAccepted(validator, get("https://example.com:443/path?test=param", PARAM_443));
    }

    @Test
    void withPortShouldReturnTrueWhenTheTargetUrlDoesNotContainThePort() {
      assertAccepted(validator, get("https://example.com/path?test=param", PARAM_443));
    }

    @Test
    void withoutPortShouldReturnTrueWhenTheTargetUrlDoesNotContainThePort() {
      assertAccepted(validator, get("https://example.com/path?test=param", PARAM));
    }

    @Test
    void withoutPortShouldReturnTrueWhenTheTargetUrlContainsThePort() {
      assertAccepted(validator, get("https://example.com:443/path?test=param", PARAM));
    }

    @Test
    void unescapedQuoteShouldReturnTrueWhenTheTargetUrlContainsTheUnescapedSingleQuote() {
      assertAccepted(validator, get("https://example.com/path?test=param'WithQuote", QUOTE));
    }

    @Test
    void unescapedQuoteShouldReturnTrueWhenTheTargetUrlContainsTheEscapedSingleQuote() {
      assertAccepted(validator, get("https://example.com/path?test=param%27WithQuote", QUOTE));
    }

    @Test
    void escapedQuoteShouldReturnTrueWhenTheTargetUrlContainsTheUnescapedSingleQuote() {
      assertAccepted(
          validator, get("https://example.com/path?test=param'WithQuote", ESCAPED_QUOTE));
    }

    @Test
    void escapedQuoteShouldReturnTrueWhenTheTargetUrlContainsTheEscapedSingleQuote() {
      assertAccepted(
          validator, get("https://example.com/path?test=param%27WithQuote", ESCAPED_QUOTE));
    }

    @Test
    void theFourServerSignaturesAreTwilioNodesGetExpectedTwilioSignature() {
      // the same values from Dialkit's signer, over the exact URL
      assertThat(validator.sign("https://example.com/path?test=param", java.util.Map.of()))
          .isEqualTo(PARAM);
      assertThat(validator.sign("https://example.com:443/path?test=param", java.util.Map.of()))
          .isEqualTo(PARAM_443);
      assertThat(
              validator.sign("https://example.com/path?test=param'WithQuote", java.util.Map.of()))
          .isEqualTo(QUOTE);
      assertThat(
              validator.sign("https://example.com/path?test=param%27WithQuote", java.util.Map.of()))
          .isEqualTo(ESCAPED_QUOTE);
    }
  }
}
