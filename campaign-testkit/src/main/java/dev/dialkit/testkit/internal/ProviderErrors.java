package dev.dialkit.testkit.internal;

import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.PhoneNumber;
import dev.dialkit.campaign.ProviderException;
import java.time.Duration;

/** The errors a simulated provider answers with, with Twilio's codes. */
public final class ProviderErrors {
  private ProviderErrors() {}

  /** 503 before the request was processed: retryable. */
  public static ProviderException unavailable(String provider) {
    return new ProviderException(
        provider,
        "service unavailable, request not processed",
        503,
        "20503",
        FailureReason.PROVIDER_ERROR,
        true,
        false,
        null);
  }

  /** 429 over the calls-per-second limit: retryable. */
  public static ProviderException rateLimited(String provider, double limit) {
    return new ProviderException(
        provider,
        "too many requests: over " + limit + " calls per second",
        429,
        "20429",
        FailureReason.RATE_LIMITED,
        true,
        false,
        null);
  }

  /** 400 invalid number: permanent. */
  public static ProviderException invalidNumber(String provider, PhoneNumber to) {
    return new ProviderException(
        provider,
        "invalid 'To' number " + to.masked(),
        400,
        "21211",
        FailureReason.INVALID_NUMBER,
        false,
        false,
        null);
  }

  /** No response in time: ambiguous, the call may have been placed. */
  public static ProviderException timedOut(String provider, Duration timeout) {
    return new ProviderException(
        provider,
        "no response within " + timeout.toSeconds() + " s; the call may have been placed",
        0,
        null,
        FailureReason.PROVIDER_ERROR,
        false,
        true,
        null);
  }

  /** 404 for a call the provider never accepted: permanent. */
  public static ProviderException notFound(String provider, String callId) {
    return new ProviderException(
        provider,
        "no such call " + callId,
        404,
        "20404",
        FailureReason.UNKNOWN,
        false,
        false,
        null);
  }
}
