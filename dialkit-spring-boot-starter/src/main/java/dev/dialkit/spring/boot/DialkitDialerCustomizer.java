package dev.dialkit.spring.boot;

import dev.dialkit.campaign.CampaignDialerBuilder;

/**
 * Changes the {@link CampaignDialerBuilder} the starter configured from {@code dialkit.*}
 * properties, just before it builds the dialer: for what a property cannot say (a {@code Clock}, a
 * {@code TaskScheduler}, a listener executor, per-tenant caps computed at start-up...). Every bean
 * of this type is applied, in {@link org.springframework.core.annotation.Order} order, after the
 * properties and after the application's {@code DialkitListener}, {@code PreDialHook}, {@code
 * DialerObserver} and {@code CallProvider} beans were added; a later setting wins.
 */
@FunctionalInterface
public interface DialkitDialerCustomizer {
  /** Changes {@code builder}; throwing here fails the application's start-up. */
  void customize(CampaignDialerBuilder builder);
}
