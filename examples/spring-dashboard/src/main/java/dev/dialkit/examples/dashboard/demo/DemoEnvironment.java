package dev.dialkit.examples.dashboard.demo;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code dialkit.demo=true}, gives the dialer settings a demo needs unless the app sets them:
 * room for 20 calls at once (the default tenant limit is 2), and a callback secret, which the demo
 * provider needs because it signs nothing. The secret is new at each start: the demo's calls do not
 * outlive the process.
 */
public class DemoEnvironment implements EnvironmentPostProcessor {
  static final String SOURCE = "dialkitDemoDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!env.getProperty("dialkit.demo", Boolean.class, false)) {
      return;
    }
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("dialkit.concurrency.global", "20");
    defaults.put("dialkit.concurrency.per-tenant", "20");
    defaults.put("dialkit.callback-secret", randomSecret());
    // last: every property the app or the command line sets wins
    env.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
