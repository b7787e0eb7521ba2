package dev.dialkit.servlet;

import dev.dialkit.campaign.Webhooks;
import jakarta.servlet.Servlet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one Tomcat the test classes share ({@code @ExtendWith(TestServer.class)}), started on first
 * use and stopped when the whole run ends (a container start is most of this module's test time):
 *
 * <ul>
 *   <li>{@code /hooks/*}: a servlet with public base {@code https://calls.example.com/api/}, a
 *       {@value #MAX_BODY}-byte cap, forwarded headers not trusted, over {@link #CAPTURE};
 *   <li>{@code /behind-proxy/*}: public base {@code https://calls.example.com}, forwarded headers
 *       trusted, over {@link #CAPTURE};
 *   <li>{@code /dialkit/webhooks/*}: public base {@value #DIALER_PUBLIC_BASE}, over the webhooks in
 *       {@link #DIALER_WEBHOOKS};
 *   <li>{@code /2010-04-01/*}: {@link #TWILIO}, the fake Twilio API.
 * </ul>
 */
final class TestServer implements BeforeAllCallback {
  static final int MAX_BODY = 2048;
  static final String DIALER_PUBLIC_BASE = "https://calls.example.com/app";
  static final CapturingWebhooks CAPTURE = new CapturingWebhooks();
  static final AtomicReference<Webhooks> DIALER_WEBHOOKS = new AtomicReference<>();
  static final FakeTwilioApi TWILIO = new FakeTwilioApi();

  private static volatile int port;

  /** The port of the shared server. */
  static int port() {
    return port;
  }

  /** Starts the server for the first class that uses it. */
  @Override
  public void beforeAll(ExtensionContext context) {
    port =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(TestServer.class, k -> new Running(start()), Running.class)
            .server
            .port();
  }

  private static TomcatServer start() {
    WebhookServlet plain =
        WebhookServlet.builder()
            .webhooks(CAPTURE)
            .publicBaseUrl("https://calls.example.com/api/")
            .maxBodyBytes(MAX_BODY)
            .build();
    WebhookServlet forwarded =
        WebhookServlet.builder()
            .webhooks(CAPTURE)
            .publicBaseUrl("https://calls.example.com")
            .trustForwardedHeaders(true)
            .build();
    WebhookServlet dialer =
        WebhookServlet.builder()
            .webhooks(request -> DIALER_WEBHOOKS.get().handle(request))
            .publicBaseUrl(DIALER_PUBLIC_BASE)
            .build();
    return new TomcatServer(
        Map.<String, Servlet>of(
            "/hooks/*", plain,
            "/behind-proxy/*", forwarded,
            "/dialkit/webhooks/*", dialer,
            "/2010-04-01/*", TWILIO));
  }

  /** Stops the server when JUnit closes the root store. */
  private record Running(TomcatServer server) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
