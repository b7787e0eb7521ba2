package dev.dialkit.provider.plivo;

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

/** Webhook requests as Plivo would send them, for the signature tests. */
final class PlivoRequests {
  private PlivoRequests() {}

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The V3 headers: {@code signature} in {@code header}, and the nonce; null values left out. */
  static Map<String, List<String>> headers(String header, String signature, String nonce) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    if (signature != null) {
      h.put(header, List.of(signature));
    }
    if (nonce != null) {
      h.put(PlivoSignatureV3.NONCE_HEADER, List.of(nonce));
    }
    return h;
  }

  static WebhookRequest post(String url, String signature, String nonce, String body) {
    return WebhookRequest.formPost(
        URI.create(url), headers(PlivoSignatureV3.HEADER, signature, nonce), body);
  }

  static WebhookRequest get(String url, String signature, String nonce) {
    return new WebhookRequest(
        "GET", URI.create(url), headers(PlivoSignatureV3.HEADER, signature, nonce), "");
  }

  static void assertAccepted(PlivoSignatureV3 validator, WebhookRequest request) {
    assertThatCode(() -> validator.verify(request)).doesNotThrowAnyException();
  }

  /** Rejected as unsigned: 403, whatever is wrong with it. */
  static void assertRejected(PlivoSignatureV3 validator, WebhookRequest request) {
    assertThatThrownBy(() -> validator.verify(request))
        .isInstanceOfSatisfying(
            WebhookRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE);
              assertThat(e.httpStatus()).isEqualTo(403);
            });
  }
}
