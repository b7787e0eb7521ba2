package dev.dialkit.examples.dashboard.demo;

import java.net.URI;
import java.util.function.Supplier;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where the demo provider posts its callbacks: the app's own webhook endpoint on the port the web
 * server got (a random one in tests), over loopback. {@code null} until the server is up.
 */
final class DemoWebhookTarget
    implements Supplier<URI>, ApplicationListener<WebServerInitializedEvent> {
  private final String path;
  private volatile URI url;

  /**
   * @param path the webhook route for the demo provider, from the context root
   */
  DemoWebhookTarget(String path) {
    this.path = path;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    // the management server, when it has a port of its own, has a namespace; the app's has none
    if (event.getApplicationContext().getServerNamespace() == null) {
      String context =
          event
              .getApplicationContext()
              .getEnvironment()
              .getProperty("server.servlet.context-path", "");
      url = URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + context + path);
    }
  }

  @Override
  public URI get() {
    return url;
  }
}
