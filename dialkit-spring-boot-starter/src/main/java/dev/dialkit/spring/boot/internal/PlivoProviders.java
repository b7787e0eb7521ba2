package dev.dialkit.spring.boot.internal;

import dev.dialkit.provider.plivo.PlivoProvider;
import dev.dialkit.provider.plivo.PlivoProviderBuilder;
import dev.dialkit.spring.boot.DialkitProperties;
import dev.dialkit.spring.boot.PlivoProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.env.Environment;

/** Builds the Plivo provider from {@code dialkit.providers.plivo.*}. */
public final class PlivoProviders {
  private PlivoProviders() {}

  public static PlivoProvider create(DialkitProperties properties, Environment env) {
    PlivoProperties p = properties.getProviders().getPlivo();
    PlivoProviderBuilder b = PlivoProvider.builder();
    PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
    map.from(p::getName).to(b::name);
    String name = p.getName() == null ? PlivoProviderBuilder.DEFAULT_NAME : p.getName();
    map.from(p::getAuthId).to(b::authId);
    map.from(p::getAuthToken).to(b::authToken);
    map.from(p::getMainAccountAuthToken).to(b::mainAccountAuthToken);
    b.callbackBaseUrl(
        p.getCallbackBaseUrl() != null
            ? p.getCallbackBaseUrl()
            : CallbackBase.of(properties, env, name));
    map.from(p::getPublicBaseUrl).to(b::publicBaseUrl);
    map.from(p::getBaseUrl).to(b::baseUrl);
    map.from(p::getRequestTimeout).to(b::requestTimeout);
    map.from(p::getCallsPerSecond).to(b::callsPerSecond);
    map.from(p::getTimeZone).to(b::timeZone);
    map.from(p::getReconcileWindow).to(b::reconcileWindow);
    return b.build();
  }
}
