package dev.dialkit.spring.boot;

import dev.dialkit.testkit.ManualScheduler;
import dev.dialkit.testkit.SimulatedCallProvider;
import dev.dialkit.testkit.VirtualClock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A provider for contexts whose test is not about providers. */
@Configuration(proxyBeanMethods = false)
class TestProviders {
  @Bean
  SimulatedCallProvider simulatedProvider() {
    return simulated();
  }

  static SimulatedCallProvider simulated() {
    // a virtual clock that no test advances: the provider never moves a call on its own
    VirtualClock clock = VirtualClock.at(Instant.parse("2026-01-05T10:00:00Z"));
    return SimulatedCallProvider.builder()
        .clock(clock)
        .scheduler(new ManualScheduler(clock))
        .build();
  }
}
