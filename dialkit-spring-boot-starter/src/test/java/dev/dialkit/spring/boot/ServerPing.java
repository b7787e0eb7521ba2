package dev.dialkit.spring.boot;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;

/** Asks whether the application's web server answers HTTP requests at a given moment. */
final class ServerPing {
  private ServerPing() {}

  /**
   * Answers {@code /ping} itself: in a servlet filter, so that the answer needs only the web server
   * (the DispatcherServlet may wait for the context being refreshed).
   */
  static FilterRegistrationBean<Filter> filter() {
    FilterRegistrationBean<Filter> ping =
        new FilterRegistrationBean<>(
            (request, response, chain) -> ((HttpServletResponse) response).setStatus(204));
    ping.addUrlPatterns("/ping");
    return ping;
  }

  /**
   * Whether the web server answers an HTTP request now. A TCP connect is not enough: Tomcat binds
   * its port before it starts, and the kernel accepts connections into the backlog.
   */
  static boolean answers(ApplicationContext context) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    if (port <= 0) {
      return false;
    }
    try {
      return HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ping"))
                      // generous: the first request is slow on a busy machine
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 204;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
