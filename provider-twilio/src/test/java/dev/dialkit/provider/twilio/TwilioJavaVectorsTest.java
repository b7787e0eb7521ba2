package dev.dialkit.provider.twilio;

import static dev.dialkit.provider.twilio.TwilioRequests.DEFAULT_PARAMS;
import static dev.dialkit.provider.twilio.TwilioRequests.assertAccepted;
import static dev.dialkit.provider.twilio.TwilioRequests.assertRejected;
import static dev.dialkit.provider.twilio.TwilioRequests.enc;
import static dev.dialkit.provider.twilio.TwilioRequests.get;
import static dev.dialkit.provider.twilio.TwilioRequests.json;
import static dev.dialkit.provider.twilio.TwilioRequests.post;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every case of twilio-java's {@code src/test/java/com/twilio/security/RequestValidatorTest.java}
 * (twilio/twilio-java 179bd9c), one test each, named after it, expressed as the request Twilio
 * would send: a form POST for {@code validate(url, params, sig)}, a JSON POST for {@code
 * validate(url, body, sig)} and {@code validateBody}. Auth token {@code 12345}.
 */
class TwilioJavaVectorsTest {
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
  private static final String BODY = "{\"property\": \"value\", \"boolean\": true}";
  private static final String BODY_HASH =
      "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

  private final TwilioSignature validator = new TwilioSignature("12345");

  @Test
  void testValidate() {
    assertAccepted(validator, post(URL, SIGNATURE, DEFAULT_PARAMS));
  }

  @Test
  void testFailsWhenIncorrect() {
    assertRejected(validator, post(URL, "NOTRSOYDt4T1cUTdK1PDd93/VVr8B8=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateBody() {
    // validateBody(body, hash) alone: here the hash travels in the URL, signed
    String url = URL + "&bodySHA256=" + BODY_HASH;
    assertAccepted(validator, json(url, "a9nBmqA0ju/hNViExpshrM61xv4=", BODY));
  }

  @Test
  void testValidateBodyFailsWhenWrong() {
    // the URL with bodySHA256=WRONG, correctly signed (twilio-node's getExpectedTwilioSignature)
    String url = URL + "&bodySHA256=WRONG";
    assertRejected(validator, json(url, "tkorcjuaM05f2oqleKceWPBYL+g=", BODY));
  }

  @Test
  void testValidateWithBody() {
    String url = URL + "&bodySHA256=" + BODY_HASH;
    assertAccepted(validator, json(url, "a9nBmqA0ju/hNViExpshrM61xv4=", BODY));
  }

  @Test
  void testValidateWithNoOtherParameters() {
    String url = "https://mycompany.com/myapp.php?bodySHA256=" + BODY_HASH;
    assertAccepted(validator, json(url, "y77kIzt2vzLz71DgmJGsen2scGs=", BODY));
  }

  @Test
  void testValidateBodyWithoutSignature() {
    assertRejected(validator, json(URL, SIGNATURE, BODY)); // no bodySHA256 in the URL
  }

  @Test
  void testValidateRemovesPortHttps() {
    assertAccepted(validator, post(URL.replace(".com", ".com:1234"), SIGNATURE, DEFAULT_PARAMS));
  }

  @Test
  void testValidateRemovesPortHttp() {
    String url = URL.replace(".com", ".com:1234").replace("https", "http");
    // "hash of http uri with port 1234"
    assertAccepted(validator, post(url, "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateAddsPortHttps() {
    assertAccepted(validator, post(URL, "kvajT1Ptam85bY51eRf/AJRuM3w=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateAddsPortHttp() {
    String url = URL.replace("https", "http");
    assertAccepted(validator, post(url, "0ZXoZLH/DfblKGATFgpif+LLRf4=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateWithEmptyParams() {
    assertAccepted(validator, post(URL, "zYQTYrRWXE7LtzbG4PfP7/bkkGo=", ""));
  }

  @Test
  void testValidateWithNullParams() {
    assertAccepted(validator, get(URL, "zYQTYrRWXE7LtzbG4PfP7/bkkGo="));
  }

  @Test
  void testValidateWithNoQueryParams() {
    String url = "https://mycompany.com/myapp.php";
    assertAccepted(validator, post(url, "1xaxFBvyzXYvWplzNOSs28HWO94=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateIgnoresNonTwilioQueryParams() {
    String url =
        URL + "&type=thiswontbeusedinthesignaturegeneratorandsoshouldbeignored"; // it is signed
    assertAccepted(validator, post(url, "hYkNsTBttoNGkyCS0p+wWmQoRTg=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateWithUrlEncodedQueryParams() {
    String url = "https://mycompany.com/myapp.php?foo=hello%20world&bar=test%2Bvalue";
    assertAccepted(validator, post(url, "er2tvAP1Wx+iuTTE2BPgvEaN1cs=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateWithSpecialCharactersInParams() {
    Map<String, String> special = new LinkedHashMap<>();
    special.put("Message", "Hello & goodbye! @#$%^*()");
    special.put("From", "+1 (415) 867-5309");
    special.put("Special", "unicode: ñáéíóú");
    assertAccepted(validator, post(URL, "dCPiR4WtQ6QFN6pJh81CtlCcWLQ=", special));
  }

  @Test
  void testValidateWithEmptyParameterValues() {
    String body = "Digits=&CallSid=CA1234567890ABCDE&EmptyParam=";
    assertAccepted(validator, post(URL, "9HHp/OqQMEwdrVebHDdA/+tqjX8=", body));
  }

  @Test
  void testValidateWithNullParameterValues() {
    // a null value is signed as "": on the wire, a name without "="
    String body = "Digits&CallSid=CA1234567890ABCDE&NullParam";
    assertAccepted(validator, post(URL, "L9lTTwIlxM1xGAtLRwhOSZggRhM=", body));
  }

  @Test
  void testValidateParameterKeySorting() {
    String body = "Zebra=last&Alpha=first&Beta=second&Gamma=third";
    assertAccepted(validator, post(URL, "enveUe73ZTVLAekHxez3Qx6JuuQ=", body));
  }

  @Test
  void testValidateWithInternationalCharactersInUrl() {
    String url = "https://mycompany.com/webhook/España?año=2023";
    assertAccepted(validator, post(url, "G/Hx6mqqnjUNlPAoi2Sp9bGst0g=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateWithCaseSensitiveParameterKeys() {
    String body = "callSid=lowercase&CallSid=uppercase&CALLSID=" + enc("allcaps");
    assertAccepted(validator, post(URL, "jDK7WKT8wiNrwggd4ceTv4e1MJ4=", body));
  }

  @Test
  void testValidateWithMalformedUrlStillWorks() {
    String url = "https://mycompany.com:443//myapp.php?foo=1&bar=2";
    assertAccepted(validator, post(url, "A9lH3u16NjyiiM/+wylw5rirFUs=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateWithDifferentProtocols() {
    String url = URL.replace("https", "http");
    assertAccepted(validator, post(url, "0ZXoZLH/DfblKGATFgpif+LLRf4=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateFailsWithWrongSignature() {
    assertRejected(validator, post(URL, "IncorrectSignatureValue123=", DEFAULT_PARAMS));
  }

  @Test
  void testValidateFailsWithNullSignature() {
    assertRejected(validator, post(URL, null, DEFAULT_PARAMS));
  }

  @Test
  void testValidateFailsWithEmptySignature() {
    assertRejected(validator, post(URL, "", DEFAULT_PARAMS));
  }
}
