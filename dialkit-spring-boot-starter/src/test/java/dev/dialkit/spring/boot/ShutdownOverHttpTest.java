package dev.dialkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dialkit.campaign.CampaignDialer;
import jakarta.servlet.Filter;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A whole web application closed as on Ctrl-C: the dialer drains while the web server still answers
 * (webhooks keep arriving), and before the DataSource closes. Its own small application (Tomcat,
 * the starter, an H2 DataSource), since closing the shared one would end the other tests'.
 */
class ShutdownOverHttpTest {
  private static final List<String> events = RecordingDialer.newEventList();

  @Test
  void theDialerClosesWhileTheWebServerAnswersAndBeforeTheDataSource() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.SERVLET)
            .properties("server.port=0", "dialkit.store.type=jdbc", "spring.main.banner-mode=off")
            .run();
    RecordingDialer dialer = (RecordingDialer) context.getBean(CampaignDialer.class);

    context.close();

    assertThat(dialer.serverAnsweredAtStart).as("server answered at start").isTrue();
    assertThat(dialer.serverAnsweredAtClose).as("server answered at close").isTrue();
    assertThat(events.indexOf("dialer closed"))
        .as("dialer closed before the data source: %s", events)
        .isNotNegative()
        .isLessThan(events.indexOf("data source closed"));
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    ServletWebServerFactoryAutoConfiguration.class,
    // a servlet mapped to "/": without one Tomcat answers 404 before any filter
    DispatcherServletAutoConfiguration.class,
    DialkitProvidersAutoConfiguration.class,
    DialkitAutoConfiguration.class
  })
  static class App extends TestProviders {
    @Bean
    DataSource dataSource() {
      return new RecordingDataSource(
          "jdbc:h2:mem:shutdown-over-http;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE", events);
    }

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
}
