package dev.dialkit.servlet;

import dev.dialkit.campaign.WebhookRequest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Twilio's create-call endpoint, enough for the provider: accepts a call, keeps its callback. */
final class FakeTwilioApi extends HttpServlet {
  private static final long serialVersionUID = 1L;
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "f00dfacecafebabe0123456789abcdef";
  static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";

  /** The status callback URL of the first call created. */
  final transient CompletableFuture<URI> statusCallback = new CompletableFuture<>();

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String form = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String callback = WebhookRequest.decodeForm(form).get("StatusCallback").get(0);
    statusCallback.complete(URI.create(callback));
    response.setStatus(201);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            """
            {"sid": "%s", "account_sid": "%s", "status": "queued", "direction": "outbound-api",
             "from": "+14155550100", "to": "+14155550123", "start_time": null,
             "end_time": null, "duration": null, "answered_by": null}
            """
                .formatted(CALL_SID, ACCOUNT_SID)
                .getBytes(StandardCharsets.UTF_8));
  }
}
