package dev.dialkit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the servlet hands to {@link Webhooks#handle}, over real HTTP, whatever a client sends. */
@ExtendWith(TestServer.class)
class WebhookServletHttpTest {
  private static final int MAX = TestServer.MAX_BODY;
  private final CapturingWebhooks capture = TestServer.CAPTURE;

  @BeforeEach
  void reset() {
    capture.reset();
  }

  @Test
  void methodUrlUnderThePublicBaseEveryHeaderValueAndTheRawBodyArePassedOn() throws Exception {
    String query = "b=2&a=1&a=%2B1%20x&empty=&dialkit_call=ld-1.1";
    String body = "To=%2B14155550123&Note=caf%C3%A9+%26+more&To=second";
    RawHttp.Response response =
        RawHttp.send(
            TestServer.port(),
            "POST /hooks/twilio?"
                + query
                + " HTTP/1.1\r\nHost: 10.0.0.7:8080\r\nX-Multi: one\r\nX-Multi: two\r\n"
                + "X-Comma: a, b\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: "
                + body.length(),
            body);

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.text()).contains("X-Content-Type-Options: nosniff");
    WebhookRequest request = capture.last.get();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.url().toString())
        .isEqualTo("https://calls.example.com/api/hooks/twilio?" + query);
    assertThat(request.url().getRawQuery()).isEqualTo(query);
    assertThat(request.headers().get("x-multi")).containsExactly("one", "two");
    assertThat(request.header("X-Comma")).isEqualTo("a, b");
    assertThat(request.body()).isEqualTo(body); // not consumed or decoded by getParameter
    assertThat(request.formParameters().get("To")).containsExactly("+14155550123", "second");
  }

  @Test
  void aGetCallbackIsPassedOnWithItsQueryAndNoBody() throws Exception {
    RawHttp.Response response =
        RawHttp.send(
            TestServer.port(),
            "GET /hooks/plivo?CallUUID=abc&Event=Hangup HTTP/1.1\r\nHost: x",
            "");
    assertThat(response.status()).isEqualTo(202);
    assertThat(capture.last.get().method()).isEqualTo("GET");
    assertThat(capture.last.get().queryParameter("Event")).isEqualTo("Hangup");
    assertThat(capture.last.get().body()).isEmpty();
  }

  @Test
  void aBodyOverTheCapIsRefused413FromItsLengthWithoutBeingRead() throws Exception {
    // a length declared and no body sent: reading it would block until the socket times out
    RawHttp.Response declared =
        RawHttp.send(
            TestServer.port(),
            "POST /hooks/twilio HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000",
            new byte[0],
            false);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.text()).containsIgnoringCase("Connection: close");

    // chunked, one chunk past the cap, never finished: refused after MAX + 1 bytes
    byte[] chunk = ("%x\r\n".formatted(MAX + 10) + "a".repeat(MAX + 10) + "\r\n").getBytes();
    RawHttp.Response chunked =
        RawHttp.send(
            TestServer.port(),
            "POST /hooks/twilio HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked",
            chunk,
            false);
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(capture.count.get()).isZero();

    // exactly the cap is taken
    String atCap = "a".repeat(MAX);
    RawHttp.Response ok =
        RawHttp.send(
            TestServer.port(),
            "POST /hooks/twilio HTTP/1.1\r\nHost: x\r\nContent-Length: " + MAX,
            atCap);
    assertThat(ok.status()).isEqualTo(202);
    assertThat(capture.last.get().body()).isEqualTo(atCap);
  }

  @Test
  void hostileRequestsGetA4xxAndNeverA500() throws Exception {
    for (String method : List.of("PUT", "DELETE", "PATCH", "HEAD")) {
      RawHttp.Response response =
          RawHttp.send(TestServer.port(), method + " /hooks/twilio HTTP/1.1\r\nHost: x", "");
      assertThat(response.status()).as(method).isEqualTo(405);
      assertThat(response.text()).as(method).contains("Allow: GET, POST");
    }
    // a query that is not valid URL encoding: no URL can be made of it
    RawHttp.Response badQuery =
        RawHttp.send(TestServer.port(), "POST /hooks/twilio?a=%zz HTTP/1.1\r\nHost: x", "");
    assertThat(badQuery.status()).isEqualTo(400);
    // bytes that are not UTF-8 reach Dialkit, whose signature check refuses them
    byte[] latin1 = "From=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    RawHttp.Response notUtf8 =
        RawHttp.send(
            TestServer.port(),
            "POST /hooks/twilio HTTP/1.1\r\nHost: x\r\nContent-Length: " + latin1.length,
            latin1,
            false);
    assertThat(notUtf8.status()).isEqualTo(202);
    assertThat(capture.count.get()).isEqualTo(1);
  }

  @Test
  void aWebhooksThatThrowsIsA500NotAnEscapedException() throws Exception {
    RawHttp.Response response =
        RawHttp.send(
            TestServer.port(), "POST /hooks/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5", "throw");
    assertThat(response.status()).isEqualTo(500);
  }

  @Test
  void forwardedHeadersAreUsedOnlyWhereTrustedAndOnlyWhenWellFormed() throws Exception {
    String proxy =
        "\r\nX-Forwarded-Proto: http\r\nX-Forwarded-Host: public.example.org, inner"
            + "\r\nX-Forwarded-Port: 8443\r\nX-Forwarded-Prefix: /edge";
    RawHttp.send(TestServer.port(), "POST /behind-proxy/t?x=1 HTTP/1.1\r\nHost: x" + proxy, "");
    assertThat(capture.last.get().url().toString())
        .isEqualTo("http://public.example.org:8443/edge/behind-proxy/t?x=1");

    RawHttp.send(
        TestServer.port(),
        "POST /behind-proxy/t HTTP/1.1\r\nHost: x\r\nForwarded: for=1.2.3.4;proto=https;"
            + "host=\"rfc.example.org\", for=5.6.7.8;host=inner",
        "");
    assertThat(capture.last.get().url().toString())
        .isEqualTo("https://rfc.example.org/behind-proxy/t");

    // not trusted on this route
    RawHttp.send(TestServer.port(), "POST /hooks/t HTTP/1.1\r\nHost: x" + proxy, "");
    assertThat(capture.last.get().url().toString())
        .isEqualTo("https://calls.example.com/api/hooks/t");

    // malformed values are ignored, not spliced into the URL
    RawHttp.send(
        TestServer.port(),
        "POST /behind-proxy/t HTTP/1.1\r\nHost: x\r\nX-Forwarded-Host: evil.example/x?y"
            + "\r\nX-Forwarded-Proto: javascript\r\nX-Forwarded-Prefix: /a/../b?c",
        "");
    assertThat(capture.last.get().url().toString())
        .isEqualTo("https://calls.example.com/behind-proxy/t");
  }
}
