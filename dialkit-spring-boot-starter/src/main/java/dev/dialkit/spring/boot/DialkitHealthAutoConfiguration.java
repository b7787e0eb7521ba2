package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CampaignDialer;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code dialkit} health contributor, when Actuator is present; {@code
 * management.health.dialkit.enabled=false} turns it off.
 */
@AutoConfiguration(
    after = DialkitAutoConfiguration.class,
    beforeName =
        "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(CampaignDialer.class)
@ConditionalOnEnabledHealthIndicator("dialkit")
public class DialkitHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "dialkitHealthIndicator")
  public DialkitHealthIndicator dialkitHealthIndicator(CampaignDialer dialer) {
    return new DialkitHealthIndicator(dialer);
  }
}
