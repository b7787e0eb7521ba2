package dev.dialkit.examples.dashboard.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * The event stream: the broadcaster is a {@code DialkitListener} bean, which the starter hands to
 * the dialer. Settings under {@code dashboard.events.*} (see {@link EventStreamSettings}).
 */
@Configuration(proxyBeanMethods = false)
class EventStreamConfiguration {
  @Bean
  EventStreamSettings eventStreamSettings(Environment env) {
    EventStreamSettings d = EventStreamSettings.DEFAULTS;
    Binder binder = Binder.get(env);
    return new EventStreamSettings(
        binder.bind("dashboard.events.queue-capacity", Integer.class).orElse(d.queueCapacity()),
        binder.bind("dashboard.events.max-subscribers", Integer.class).orElse(d.maxSubscribers()),
        binder.bind("dashboard.events.timeout", Duration.class).orElse(d.timeout()),
        binder.bind("dashboard.events.heartbeat", Duration.class).orElse(d.heartbeat()));
  }

  @Bean(destroyMethod = "close")
  EventBroadcaster eventBroadcaster(ObjectMapper json, EventStreamSettings settings) {
    return new EventBroadcaster(json, settings);
  }

  /**
   * Ends every stream as soon as the app starts shutting down: an open stream is a request in
   * progress, which the web server's graceful shutdown would otherwise wait for until its timeout.
   */
  @Bean
  ApplicationListener<ContextClosedEvent> eventStreamShutdown(EventBroadcaster broadcaster) {
    return event -> broadcaster.close();
  }
}
