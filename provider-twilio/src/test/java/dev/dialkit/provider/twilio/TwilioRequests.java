package dev.dialkit.provider.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dialkit.campaign.WebhookRejectedException;
import dev.dialkit.campaign.WebhookRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Webhook requests as Twilio would send them, for the signature tests. */
final class TwilioRequests {
  /** The parameters of twilio-java's RequestValidatorTest and twilio-node's validation.spec.js. */
  static final Map<String, String> DEFAULT_PARAMS = defaultParams();

  private TwilioRequests() {}

  private static Map<String, String> defaultParams() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", "CA1234567890ABCDE");
    params.put("Caller", "+14158675309");
    params.put("Digits", "1234");
    params.put("From", "+14158675309");
    params.put("To", "+18005551212");
    return Map.copyOf(params);
  }

  /** {@code name=value&...} as a form encoder writes it ({@code +} as %2B, space as {@code +}). */
  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A form POST with {@code body} as sent; {@code signature} null for none. */
  static WebhookRequest post(String url, String signature, String body) {
    return WebhookRequest.formPost(URI.create(url), header(signature), body);
  }

  static WebhookRequest post(String url, String signature, Map<String, String> params) {
    return post(url, signature, form(params));
  }

  static WebhookRequest get(String url, String signature) {
    return new WebhookRequest("GET", URI.create(url), header(signature), "");
  }

  static WebhookRequest json(String url, String signature, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>(header(signature));
    headers.put("Content-Type", List.of("application/json"));
    return new WebhookRequest("POST", URI.create(url), headers, body);
  }

  private static Map<String, List<String>> header(String signature) {
    return signature == null ? Map.of() : Map.of(TwilioSignature.HEADER, List.of(signature));
  }

  static void assertAccepted(TwilioSignature validator, WebhookRequest request) {
    assertThatCode(() -> validator.verify(request)).doesNotThrowAnyException();
  }

  /** Rejected as unsigned: 403, whatever is wrong with it. */
  static void assertRejected(TwilioSignature validator, WebhookRequest request) {
    assertThatThrownBy(() -> validator.verify(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE);
              assertThat(e.httpStatus()).isEqualTo(403);
            });
  }
}
