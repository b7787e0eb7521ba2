package dev.dialkit.provider.twilio;

import com.sun.net.httpserver.HttpServer;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.WebhookResponse;
import dev.dialkit.campaign.Webhooks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The snippets of provider-twilio/README.md, compiled so that they cannot rot. */
final class TwilioReadmeSnippets {
  private TwilioReadmeSnippets() {}

  static TwilioProvider provider() {
    // tag::provider[]
    TwilioProvider twilio =
        TwilioProvider.builder()
            .accountSid(System.getenv("TWILIO_ACCOUNT_SID"))
            .authToken(System.getenv("TWILIO_AUTH_TOKEN")) // verifies X-Twilio-Signature
            .callbackBaseUrl("https://calls.example.com/webhooks/twilio")
            .callsPerSecond(1) // your account's CPS; Twilio's default is 1
            .requestTimeout(Duration.ofSeconds(15))
            .build();
    // end::provider[]
    return twilio;
  }

  // tag::route[]
  /** Passes every request on the webhook route to Dialkit and answers with its response. */
  static void route(HttpServer server, Webhooks webhooks, URI publicBase) {
    server.createContext(
        "/webhooks/twilio",
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // the URL as Twilio called it: public scheme and host, the request's path and query
            URI url = publicBase.resolve(exchange.getRequestURI().toString());
            WebhookResponse response =
                webhooks.handle(
                    new WebhookRequest(
                        exchange.getRequestMethod(), url, exchange.getRequestHeaders(), body));
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
              }
            }
          } catch (IOException e) {
            // the connection is gone; Twilio retries if its connection overrides say so
          }
        });
  }
  // end::route[]
}
