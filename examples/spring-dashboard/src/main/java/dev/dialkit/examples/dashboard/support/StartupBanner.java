package dev.dialkit.examples.dashboard.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where the dashboard is once the app is ready to serve it. */
@Component
class StartupBanner {
  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  @EventListener
  void ready(ApplicationReadyEvent event) {
    Environment env = event.getApplicationContext().getEnvironment();
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    String path = env.getProperty("server.servlet.context-path", "");
    String url = "http://localhost:" + port + path + "/";
    log.info("Dashboard ready at {}", url);
    // on stdout as well: the one line a newcomer running the demo looks for
    System.out.println();
    System.out.println("  Dialkit dashboard: " + url);
    System.out.println();
  }
}
