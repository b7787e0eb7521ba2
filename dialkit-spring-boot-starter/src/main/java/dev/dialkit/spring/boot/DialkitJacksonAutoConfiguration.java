package dev.dialkit.spring.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dialkit.jackson.DialkitJacksonModule;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link DialkitJacksonModule} as a bean when dialkit-jackson is on the classpath: Spring
 * Boot adds every Jackson {@code Module} bean to the application's {@link ObjectMapper}, so ids are
 * written as plain strings and phone numbers masked ({@code dialkit.jackson.reveal-phone-numbers}).
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration")
@ConditionalOnClass({DialkitJacksonModule.class, ObjectMapper.class})
@EnableConfigurationProperties(DialkitProperties.class)
public class DialkitJacksonAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public DialkitJacksonModule dialkitJacksonModule(DialkitProperties properties) {
    return DialkitJacksonModule.builder()
        .revealPhoneNumbers(properties.getJackson().isRevealPhoneNumbers())
        .build();
  }
}
