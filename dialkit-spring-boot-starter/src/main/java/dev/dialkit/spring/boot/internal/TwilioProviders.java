package dev.dialkit.spring.boot.internal;

import dev.dialkit.provider.twilio.TwilioMachineDetection;
import dev.dialkit.provider.twilio.TwilioProvider;
import dev.dialkit.provider.twilio.TwilioProviderBuilder;
import dev.dialkit.spring.boot.DialkitProperties;
import dev.dialkit.spring.boot.TwilioProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.env.Environment;

/** Builds the Twilio provider from {@code dialkit.providers.twilio.*}. */
public final class TwilioProviders {
  private TwilioProviders() {}

  public static TwilioProvider create(DialkitProperties properties, Environment env) {
    TwilioProperties t = properties.getProviders().getTwilio();
    TwilioProviderBuilder b = TwilioProvider.builder();
    PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
    map.from(t::getName).to(b::name);
    String name = t.getName() == null ? TwilioProviderBuilder.DEFAULT_NAME : t.getName();
    map.from(t::getAccountSid).to(b::accountSid);
    map.from(t::getAuthToken).to(b::authToken);
    if (t.getApiKeySid() != null || t.getApiKeySecret() != null) {
      b.apiKey(t.getApiKeySid(), t.getApiKeySecret());
    }
    b.callbackBaseUrl(
        t.getCallbackBaseUrl() != null
            ? t.getCallbackBaseUrl()
            : CallbackBase.of(properties, env, name));
    map.from(t::getPublicBaseUrl).to(b::publicBaseUrl);
    map.from(t::getBaseUrl).to(b::baseUrl);
    map.from(t::getRequestTimeout).to(b::requestTimeout);
    map.from(t::getCallsPerSecond).to(b::callsPerSecond);
    map.from(t::getMachineDetection)
        .as(v -> Names.constant(TwilioMachineDetection.class, v, "twilio.machine-detection"))
        .to(b::machineDetection);
    map.from(t::getMachineDetectionTimeout).to(b::machineDetectionTimeout);
    map.from(t::getMachineDetectionSpeechThreshold).to(b::machineDetectionSpeechThreshold);
    map.from(t::getMachineDetectionSpeechEndThreshold).to(b::machineDetectionSpeechEndThreshold);
    map.from(t::getMachineDetectionSilenceTimeout).to(b::machineDetectionSilenceTimeout);
    return b.build();
  }
}
