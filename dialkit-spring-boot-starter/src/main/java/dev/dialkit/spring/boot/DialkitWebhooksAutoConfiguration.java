package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.Untrusted;
import dev.dialkit.spring.boot.internal.CallbackBase;
import dev.dialkit.spring.boot.internal.QueryOnlyParametersFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The Spring MVC webhook endpoint, in a servlet web application with Spring MVC, unless {@code
 * dialkit.webhooks.enabled=false}.
 */
@AutoConfiguration(after = DialkitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(CampaignDialer.class)
@ConditionalOnProperty(
    prefix = "dialkit.webhooks",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
public class DialkitWebhooksAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public DialkitWebhookController dialkitWebhookController(
      CampaignDialer dialer, DialkitProperties properties) {
    checkPath(properties.getWebhooks().getPath());
    return new DialkitWebhookController(dialer, properties);
  }

  /** The path is used as given in the controller's mapping, so it must be a plain one. */
  private static void checkPath(String path) {
    if (path == null || !path.matches("(/[A-Za-z0-9._~-]+)+")) {
      throw new InvalidConfigurationException(
          "dialkit.webhooks.path",
          Untrusted.quote(path),
          "must be one or more /segments of letters, digits, '.', '_', '~' or '-', with no"
              + " trailing '/'");
    }
  }

  /** First of all filters on the webhook path, so that none reads the form body before it. */
  @Bean
  public FilterRegistrationBean<QueryOnlyParametersFilter> dialkitWebhookBodyGuard(
      DialkitProperties properties, Environment env) {
    FilterRegistrationBean<QueryOnlyParametersFilter> registration =
        new FilterRegistrationBean<>(new QueryOnlyParametersFilter());
    // filter patterns are matched within the context path, but include the DispatcherServlet's
    String path =
        CallbackBase.path(env.getProperty("spring.mvc.servlet.path"))
            + CallbackBase.path(properties.getWebhooks().getPath());
    registration.addUrlPatterns(path + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("dialkitWebhookBodyGuard");
    return registration;
  }
}
