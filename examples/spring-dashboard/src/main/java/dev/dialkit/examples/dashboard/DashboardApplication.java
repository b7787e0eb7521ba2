package dev.dialkit.examples.dashboard;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The live campaign dashboard: Dialkit's REST API, event stream and dashboard page on the Spring
 * Boot starter. {@code --demo} (or {@code dialkit.demo=true}) dials a sample campaign through a
 * simulated provider that calls the app's own webhook endpoint over HTTP.
 */
@SpringBootApplication
public class DashboardApplication {
  /** The program argument that turns the demo on. */
  static final String DEMO_ARGUMENT = "--demo";

  public static void main(String[] args) {
    SpringApplication.run(DashboardApplication.class, withDemoProperty(args));
  }

  /** {@code --demo} as the property Spring reads, {@code --dialkit.demo=true}; others as given. */
  static String[] withDemoProperty(String[] args) {
    return Arrays.stream(args)
        .map(arg -> arg.equals(DEMO_ARGUMENT) ? "--dialkit.demo=true" : arg)
        .toArray(String[]::new);
  }
}
