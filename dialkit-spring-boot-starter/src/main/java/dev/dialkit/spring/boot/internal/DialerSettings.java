package dev.dialkit.spring.boot.internal;

import dev.dialkit.campaign.AttemptCaps;
import dev.dialkit.campaign.CallerIdHealth;
import dev.dialkit.campaign.CampaignDialerBuilder;
import dev.dialkit.campaign.ConcurrencyPolicy;
import dev.dialkit.campaign.PriorityPolicy;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.spring.boot.AttemptCapsProperties;
import dev.dialkit.spring.boot.CallerIdHealthProperties;
import dev.dialkit.spring.boot.CircuitBreakerProperties;
import dev.dialkit.spring.boot.ConcurrencyProperties;
import dev.dialkit.spring.boot.DialkitProperties;
import dev.dialkit.spring.boot.RetryProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.boot.context.properties.PropertyMapper;

/** Copies every {@code dialkit.*} dialer setting onto a {@link CampaignDialerBuilder}. */
public final class DialerSettings {
  private DialerSettings() {}

  public static CampaignDialerBuilder apply(DialkitProperties p, CampaignDialerBuilder b) {
    PropertyMapper map = PropertyMapper.get().alwaysApplyingWhenNonNull();
    map.from(p::getInstanceId).to(b::instanceId);
    map.from(p::getCallbackSecret).to(b::callbackSecret);
    map.from(p::getPollInterval).to(b::pollInterval);
    map.from(p::getHeartbeatInterval).to(b::heartbeatInterval);
    map.from(p::getLeaseTtl).to(b::leaseTtl);
    map.from(p::getMaxWebhookBodyBytes).to(b::maxWebhookBodyBytes);
    map.from(p::getListenerQueueCapacity).to(b::listenerQueueCapacity);
    map.from(p::getWatchdogInterval).to(b::watchdogInterval);
    map.from(p::getWatchdogGrace).to(b::watchdogGrace);
    map.from(p::getReconcileDelay).to(b::reconcileDelay);
    map.from(p::getHookRetryDelay).to(b::hookRetryDelay);
    map.from(p::getPlaceRetryDelay).to(b::placeRetryDelay);
    map.from(p::getProgressInterval).to(b::progressInterval);
    map.from(p::getPermitTimeout).to(b::permitTimeout);
    map.from(p::getRecoveryGrace).to(b::recoveryGrace);
    map.from(p::getStatusQueriesPerSecond).to(b::statusQueriesPerSecond);
    map.from(p::getHealthCheckTimeout).to(b::healthCheckTimeout);
    map.from(p::getPriorityPolicy)
        .as(
            name ->
                name == DialkitProperties.PriorityPolicyName.AS_GIVEN
                    ? PriorityPolicy.asGiven()
                    : PriorityPolicy.seedScore())
        .to(b::priorityPolicy);
    b.concurrency(concurrency(p.getConcurrency()));
    b.attemptCaps(attemptCaps(p.getAttemptCaps()));
    b.callerIdHealth(callerIdHealth(p.getCallerIdHealth()));
    p.getTenants()
        .forEach(
            (tenant, settings) -> {
              map.from(settings::getAttemptCaps)
                  .as(DialerSettings::attemptCaps)
                  .to(caps -> b.attemptCaps(TenantId.of(tenant), caps));
              map.from(settings::getCallerIdHealth)
                  .as(DialerSettings::callerIdHealth)
                  .to(health -> b.callerIdHealth(TenantId.of(tenant), health));
            });
    b.providerRetry(retry(p.getProviderRetry()));
    b.circuitBreaker(circuitBreaker(p.getCircuitBreaker()));
    return b;
  }

  static ConcurrencyPolicy concurrency(ConcurrencyProperties c) {
    ConcurrencyPolicy.Builder policy =
        ConcurrencyPolicy.builder().global(c.getGlobal()).perTenant(c.getPerTenant());
    if (c.getPerCampaign() != null) {
      policy.perCampaign(c.getPerCampaign());
    }
    return policy.build();
  }

  static AttemptCaps attemptCaps(AttemptCapsProperties caps) {
    return new AttemptCaps(caps.getPerRolling24Hours(), caps.getPerCalendarDay());
  }

  static CallerIdHealth callerIdHealth(CallerIdHealthProperties h) {
    return new CallerIdHealth(
        h.isEnabled(),
        h.getWindow(),
        h.getMinCalls(),
        h.getThreshold(),
        h.isRestOnBlocked(),
        h.getRestFor());
  }

  /**
   * The default retry with the configured attempts and backoff; what it retries stays Dialkit's.
   */
  static RetryConfig retry(RetryProperties r) {
    return RetryConfig.from(CampaignDialerBuilder.DEFAULT_PROVIDER_RETRY)
        .maxAttempts(r.getMaxAttempts())
        .intervalFunction(
            IntervalFunction.ofExponentialBackoff(r.getInitialInterval(), r.getMultiplier()))
        .build();
  }

  /** The default breaker with the configured sizes; which failures count stays Dialkit's. */
  static CircuitBreakerConfig circuitBreaker(CircuitBreakerProperties c) {
    return CircuitBreakerConfig.from(CampaignDialerBuilder.DEFAULT_CIRCUIT_BREAKER)
        .slidingWindowSize(c.getSlidingWindowSize())
        .minimumNumberOfCalls(c.getMinimumNumberOfCalls())
        .failureRateThreshold(c.getFailureRateThreshold())
        .waitDurationInOpenState(c.getWaitDurationInOpenState())
        .permittedNumberOfCallsInHalfOpenState(c.getPermittedNumberOfCallsInHalfOpenState())
        .build();
  }
}
