package dev.dialkit.spring.boot.internal;

import dev.dialkit.provider.bolna.BolnaProvider;
import dev.dialkit.provider.bolna.BolnaProviderBuilder;
import dev.dialkit.spring.boot.BolnaProperties;
import dev.dialkit.spring.boot.DialkitProperties;
import org.springframework.boot.context.properties.PropertyMapper;

/**
 * Builds the Bolna provider from {@code dialkit.providers.bolna.*}. Bolna takes no callback URL per
 * call: the webhook URL is set on the agent in Bolna.
 */
public final class BolnaProviders {
  private BolnaProviders() {}

  public static BolnaProvider create(DialkitProperties properties) {
    BolnaProperties p = properties.getProviders().getBolna();
    BolnaProviderBuilder b = BolnaProvider.builder();
    PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
    map.from(p::getName).to(b::name);
    map.from(p::getApiKey).to(b::apiKey);
    map.from(p::getAgentId).to(b::agentId);
    map.from(p::getBaseUrl).to(b::baseUrl);
    map.from(p::getRequestTimeout).to(b::requestTimeout);
    map.from(p::getCallsPerSecond).to(b::callsPerSecond);
    map.from(p::getSendCallerId).to(b::sendCallerId);
    return b.build();
  }
}
