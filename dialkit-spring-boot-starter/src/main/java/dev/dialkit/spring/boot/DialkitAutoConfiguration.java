package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CampaignDialer;
import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.DialerObserver;
import dev.dialkit.campaign.DialkitListener;
import dev.dialkit.campaign.PreDialHook;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.CampaignStore;
import dev.dialkit.spring.boot.internal.DialerLifecycle;
import dev.dialkit.spring.boot.internal.DialerSettings;
import dev.dialkit.spring.boot.internal.StoreFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The store, the dialer and its lifecycle. Each bean steps aside for one of the same type that the
 * application defines. The dialer gets every {@link CallProvider}, {@link DialkitListener}, {@link
 * PreDialHook} and {@link DialerObserver} bean, then every {@link DialkitDialerCustomizer}.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration"
    })
@EnableConfigurationProperties(DialkitProperties.class)
public class DialkitAutoConfiguration {

  /**
   * JDBC on the application's DataSource, MongoDB on its MongoClient, or in memory, as {@code
   * dialkit.store.type} says.
   */
  @Bean(StoreFactory.STORE_BEAN)
  @ConditionalOnMissingBean
  public CampaignStore dialkitCampaignStore(
      DialkitProperties properties, ConfigurableListableBeanFactory beanFactory) {
    return StoreFactory.create(properties.getStore(), beanFactory);
  }

  /** The dialer, built but not started: {@link #dialkitDialerLifecycle} starts it. */
  @Bean
  @ConditionalOnMissingBean
  public CampaignDialer dialkitCampaignDialer(
      DialkitProperties properties,
      CampaignStore store,
      ObjectProvider<CallProvider> providers,
      ObjectProvider<DialkitListener> listeners,
      ObjectProvider<PreDialHook> preDialHooks,
      ObjectProvider<DialerObserver> observers,
      ObjectProvider<DialkitDialerCustomizer> customizers) {
    CampaignDialerBuilder builder = DialerSettings.apply(properties, CampaignDialer.builder());
    builder.store(store);
    providers.orderedStream().forEach(builder::provider);
    listeners.orderedStream().forEach(builder::listener);
    preDialHooks.orderedStream().forEach(builder::preDialHook);
    observers.orderedStream().forEach(builder::observer);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }

  /** Starts the dialer after the web server, and stops it first. */
  @Bean
  @ConditionalOnMissingBean
  public DialerLifecycle dialkitDialerLifecycle(
      CampaignDialer dialer, DialkitProperties properties) {
    return new DialerLifecycle(dialer, properties.isAutoStartup());
  }
}
