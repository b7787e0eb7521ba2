package dev.dialkit.spring.boot;

import dev.dialkit.micrometer.DialkitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.context.annotation.Bean;

/**
 * Dialkit's Micrometer meters, when dialkit-micrometer is on the classpath and the application has
 * a {@link MeterRegistry}. One {@link DialkitMetrics} bean does it all: Spring Boot binds every
 * {@code MeterBinder} bean to the registry, and the dialer takes it as a {@code DialkitListener}
 * and a {@code DialerObserver} like any other such bean.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"
    },
    before = DialkitAutoConfiguration.class)
@ConditionalOnClass({DialkitMetrics.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnProperty(
    prefix = "dialkit.metrics",
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(DialkitProperties.class)
public class DialkitMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public DialkitMetrics dialkitMetrics(DialkitProperties properties) {
    DialkitMetrics.Builder builder = DialkitMetrics.builder();
    PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
    map.from(properties.getMetrics()::getMaxCampaignTags).to(builder::maxCampaignTags);
    map.from(properties.getMetrics()::getMaxTenantTags).to(builder::maxTenantTags);
    return builder.build();
  }
}
