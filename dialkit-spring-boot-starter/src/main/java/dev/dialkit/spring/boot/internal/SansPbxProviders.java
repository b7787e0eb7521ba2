package dev.dialkit.spring.boot.internal;

import dev.dialkit.provider.sanspbx.SansPbxNumberFormat;
import dev.dialkit.provider.sanspbx.SansPbxNumberFormats;
import dev.dialkit.provider.sanspbx.SansPbxProvider;
import dev.dialkit.provider.sanspbx.SansPbxProviderBuilder;
import dev.dialkit.spring.boot.DialkitProperties;
import dev.dialkit.spring.boot.SansPbxProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.env.Environment;

/** Builds the SansPBX provider from {@code dialkit.providers.sanspbx.*}. */
public final class SansPbxProviders {
  private SansPbxProviders() {}

  public static SansPbxProvider create(DialkitProperties properties, Environment env) {
    SansPbxProperties s = properties.getProviders().getSanspbx();
    SansPbxProviderBuilder b = SansPbxProvider.builder();
    PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
    map.from(s::getName).to(b::name);
    String name = s.getName() == null ? SansPbxProviderBuilder.DEFAULT_NAME : s.getName();
    map.from(s::getApiUrl).to(b::apiUrl);
    map.from(s::getAccessToken).to(b::accessToken);
    map.from(s::getAccessKey).to(b::accessKey);
    if (s.getBasicAuthUser() != null || s.getBasicAuthPassword() != null) {
      b.basicAuth(s.getBasicAuthUser(), s.getBasicAuthPassword());
    }
    b.callbackBaseUrl(
        s.getCallbackBaseUrl() != null
            ? s.getCallbackBaseUrl()
            : CallbackBase.of(properties, env, name));
    map.from(s::getWebsocketUrl).to(b::websocketUrl);
    if (s.getCallToFormat() != null || s.getCallerIdFormat() != null) {
      b.numberFormats(
          new SansPbxNumberFormats(
              format(s.getCallToFormat(), SansPbxNumberFormats.DEFAULT.callTo(), "call-to-format"),
              format(
                  s.getCallerIdFormat(),
                  SansPbxNumberFormats.DEFAULT.callerId(),
                  "caller-id-format")));
    }
    map.from(s::getCallbackPlacement)
        .as(
            v ->
                Names.constant(
                    SansPbxProviderBuilder.CallbackPlacement.class,
                    v,
                    "sanspbx.callback-placement"))
        .to(b::callbackPlacement);
    map.from(s::getLinkedIdIsCallId).to(b::linkedIdIsCallId);
    map.from(s::getRequestTimeout).to(b::requestTimeout);
    map.from(s::getCallsPerSecond).to(b::callsPerSecond);
    map.from(s::getTimeZone).to(b::timeZone);
    map.from(s::getTokenRefreshMargin).to(b::tokenRefreshMargin);
    map.from(s::getTokenFallbackLifetime).to(b::tokenFallbackLifetime);
    return b.build();
  }

  private static SansPbxNumberFormat format(
      String value, SansPbxNumberFormat fallback, String property) {
    return value == null
        ? fallback
        : Names.constant(SansPbxNumberFormat.class, value, "sanspbx." + property);
  }
}
