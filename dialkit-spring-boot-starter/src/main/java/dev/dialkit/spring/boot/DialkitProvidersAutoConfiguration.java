package dev.dialkit.spring.boot;

import dev.dialkit.provider.bolna.BolnaProvider;
import dev.dialkit.provider.plivo.PlivoProvider;
import dev.dialkit.provider.sanspbx.SansPbxProvider;
import dev.dialkit.provider.twilio.TwilioProvider;
import dev.dialkit.spring.boot.internal.BolnaProviders;
import dev.dialkit.spring.boot.internal.PlivoProviders;
import dev.dialkit.spring.boot.internal.SansPbxProviders;
import dev.dialkit.spring.boot.internal.TwilioProviders;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One provider bean per {@code dialkit.providers.<provider>.*} whose module is on the classpath and
 * whose required properties are set, unless the application defines a bean of that provider's
 * class. Runs before {@link DialkitAutoConfiguration}, which hands every {@code CallProvider} bean
 * to the dialer.
 */
@AutoConfiguration(before = DialkitAutoConfiguration.class)
@EnableConfigurationProperties(DialkitProperties.class)
public class DialkitProvidersAutoConfiguration {

  /** Twilio, from {@code dialkit.providers.twilio.*}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(TwilioProvider.class)
  @ConditionalOnProperty(
      prefix = "dialkit.providers.twilio",
      name = {"account-sid", "auth-token"})
  static class Twilio {
    @Bean
    @ConditionalOnMissingBean
    TwilioProvider dialkitTwilioProvider(DialkitProperties properties, Environment env) {
      return TwilioProviders.create(properties, env);
    }
  }

  /** Plivo, from {@code dialkit.providers.plivo.*}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PlivoProvider.class)
  @ConditionalOnProperty(
      prefix = "dialkit.providers.plivo",
      name = {"auth-id", "auth-token"})
  static class Plivo {
    @Bean
    @ConditionalOnMissingBean
    PlivoProvider dialkitPlivoProvider(DialkitProperties properties, Environment env) {
      return PlivoProviders.create(properties, env);
    }
  }

  /** SansPBX, from {@code dialkit.providers.sanspbx.*}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SansPbxProvider.class)
  @ConditionalOnProperty(
      prefix = "dialkit.providers.sanspbx",
      name = {"api-url", "access-token", "access-key"})
  static class SansPbx {
    @Bean
    @ConditionalOnMissingBean
    SansPbxProvider dialkitSansPbxProvider(DialkitProperties properties, Environment env) {
      return SansPbxProviders.create(properties, env);
    }
  }

  /** Bolna, from {@code dialkit.providers.bolna.*}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(BolnaProvider.class)
  @ConditionalOnProperty(prefix = "dialkit.providers.bolna", name = "api-key")
  static class Bolna {
    @Bean
    @ConditionalOnMissingBean
    BolnaProvider dialkitBolnaProvider(DialkitProperties properties) {
      return BolnaProviders.create(properties);
    }
  }
}
