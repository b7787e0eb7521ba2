package dev.dialkit.spring.boot;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Twilio's create-call endpoint, enough for one call: it records each request's form body and
 * answers a queued call. A JDK server on a free port, started once for the test JVM.
 */
final class FakeTwilioApi {
  static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  static final String AUTH_TOKEN = "f00dfacecafebabe0123456789abcdef";
  static final String CALL_SID = "CAfeedfacefeedfacefeedfacefeedface";

  static final List<String> createBodies = new CopyOnWriteArrayList<>();
  private static final HttpServer server = start();

  private FakeTwilioApi() {}

  static String baseUrl() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private static HttpServer start() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      s.createContext(
          "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json",
          exchange -> {
            createBodies.add(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = queuedCall().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String queuedCall() {
    return """
        {"account_sid": "%s", "sid": "%s", "status": "queued", "direction": "outbound-api",
         "from": "+14155550100", "to": "+14155550123", "api_version": "2010-04-01",
         "date_created": "Mon, 05 Jan 2026 10:00:01 +0000", "answered_by": null,
         "duration": null, "start_time": null, "end_time": null,
         "uri": "/2010-04-01/Accounts/%s/Calls/%s.json"}
        """
        .formatted(ACCOUNT_SID, CALL_SID, ACCOUNT_SID, CALL_SID);
  }
}
