package dev.dialkit.spring.boot;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code dialkit.providers.*}: the providers built from properties. A provider is built when its
 * module is on the classpath and its required properties are set, unless the application defines a
 * bean of that provider's class. Credentials come from properties or, by Spring's relaxed binding,
 * environment variables such as {@code DIALKIT_PROVIDERS_TWILIO_AUTH_TOKEN}. Its callback URL is
 * {@code dialkit.public-base-url} plus the webhook path and the provider's name unless its own
 * {@code callback-base-url} is set.
 */
public class ProvidersProperties {
  /** Twilio (dialkit-provider-twilio); built when account-sid and auth-token are set. */
  @NestedConfigurationProperty private final TwilioProperties twilio = new TwilioProperties();

  /** Plivo (dialkit-provider-plivo); built when auth-id and auth-token are set. */
  @NestedConfigurationProperty private final PlivoProperties plivo = new PlivoProperties();

  /**
   * SansPBX (dialkit-provider-sanspbx); built when api-url, access-token and access-key are set.
   */
  @NestedConfigurationProperty private final SansPbxProperties sanspbx = new SansPbxProperties();

  /** Bolna (dialkit-provider-bolna); built when api-key is set. */
  @NestedConfigurationProperty private final BolnaProperties bolna = new BolnaProperties();

  public TwilioProperties getTwilio() {
    return twilio;
  }

  public PlivoProperties getPlivo() {
    return plivo;
  }

  public SansPbxProperties getSanspbx() {
    return sanspbx;
  }

  public BolnaProperties getBolna() {
    return bolna;
  }
}
