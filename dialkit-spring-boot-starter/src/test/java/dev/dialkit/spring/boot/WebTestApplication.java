package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CampaignDialer;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The application of the tests over real HTTP: Spring Boot with Spring MVC, Jackson, Actuator and
 * the starter; its dialer recorded by {@link RecordingDialer}. Every such test extends {@link
 * WebTestBase} so that they share one context.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebTestApplication {
  static final List<String> events = RecordingDialer.newEventList();

  @Bean
  static BeanPostProcessor recordDialer(ApplicationContext context) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof CampaignDialer dialer
            ? new RecordingDialer(dialer, events, () -> ServerPing.answers(context))
            : bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<Filter> ping() {
    return ServerPing.filter();
  }
}
