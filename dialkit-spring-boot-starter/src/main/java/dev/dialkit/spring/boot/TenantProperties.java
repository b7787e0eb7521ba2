package dev.dialkit.spring.boot;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code dialkit.tenants.<tenant>.*}: the settings one tenant has of its own. */
public class TenantProperties {
  /** This tenant's attempt caps, instead of dialkit.attempt-caps. */
  @NestedConfigurationProperty private AttemptCapsProperties attemptCaps;

  /** This tenant's caller id health, instead of dialkit.caller-id-health. */
  @NestedConfigurationProperty private CallerIdHealthProperties callerIdHealth;

  public AttemptCapsProperties getAttemptCaps() {
    return attemptCaps;
  }

  public void setAttemptCaps(AttemptCapsProperties attemptCaps) {
    this.attemptCaps = attemptCaps;
  }

  public CallerIdHealthProperties getCallerIdHealth() {
    return callerIdHealth;
  }

  public void setCallerIdHealth(CallerIdHealthProperties callerIdHealth) {
    this.callerIdHealth = callerIdHealth;
  }
}
