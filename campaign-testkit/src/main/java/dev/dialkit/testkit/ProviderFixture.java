package dev.dialkit.testkit;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.CallStatus;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.WebhookRequest;
import dev.dialkit.campaign.spi.CallProvider;
import dev.dialkit.campaign.spi.DialRequest;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a provider module gives {@link CallProviderContract}: a provider pointed at a fake HTTP
 * server the module runs (WireMock, say; the testkit depends on none), stubs for each scenario, and
 * webhooks as the real provider would send them, signed. Each method that stubs replaces whatever
 * was stubbed before, and starts the count of received requests afresh.
 */
public interface ProviderFixture extends AutoCloseable {
  /** How a failed request must be classified. */
  enum Classification {
    /** The provider certainly did not act on it: {@code isRetryable()}. */
    RETRYABLE,
    /** It may have been acted on: {@code isAmbiguous()}, never re-sent. */
    AMBIGUOUS,
    /** Refused for good: neither retryable nor ambiguous. */
    PERMANENT
  }

  /** A way for a create request to fail, and what it must map to. */
  enum CreateFailure {
    /** HTTP 429 or the provider's "too many requests" code. */
    RATE_LIMITED(Classification.RETRYABLE, FailureReason.RATE_LIMITED),
    /** The provider's call-concurrency limit. */
    CONCURRENCY_LIMITED(Classification.RETRYABLE, FailureReason.RATE_LIMITED),
    /** The number does not exist or cannot be called. */
    INVALID_NUMBER(Classification.PERMANENT, FailureReason.INVALID_NUMBER),
    /** Bad credentials, or a caller id the account may not use. */
    UNAUTHORIZED(Classification.PERMANENT, FailureReason.ACCOUNT_OR_PERMISSION),
    /** Any other client error (4xx). */
    OTHER_CLIENT_ERROR(Classification.PERMANENT, FailureReason.PROVIDER_ERROR),
    /** HTTP 5xx: the call may have been created. */
    SERVER_ERROR(Classification.AMBIGUOUS, null),
    /** No response within the provider's request timeout, after the request was sent. */
    TIMEOUT_AFTER_SEND(Classification.AMBIGUOUS, null),
    /** Nothing listens at the provider's address: nothing was sent. */
    CONNECTION_REFUSED(Classification.RETRYABLE, null);

    private final Classification classification;
    private final FailureReason reason;

    CreateFailure(Classification classification, FailureReason reason) {
      this.classification = classification;
      this.reason = reason;
    }

    public Classification classification() {
      return classification;
    }

    /** The reason the exception must carry, or {@code null} if any will do. */
    public FailureReason reason() {
      return reason;
    }
  }

  /** The provider under test, pointed at the fixture's server. */
  CallProvider provider();

  /** The agent the contract's dial requests use; by default an answer URL with one variable. */
  default Agent agent() {
    return Agent.answerUrl("https://agent.example.com/answer")
        .withVariables(Map.of("first_name", "Ada"));
  }

  /** Stubs an accepted create request; returns the provider id the provider must report. */
  String stubCreateAccepted();

  /**
   * Asserts the provider-specific shape of the one create request the server received for {@code
   * request} (method, path, auth, encoding, fields).
   */
  void verifyCreateRequest(DialRequest request);

  /** Every callback URL the last create request handed the provider. */
  List<URI> callbackUrlsSent();

  /** The failures this provider can be made to show; by default all. */
  default Set<CreateFailure> createFailures() {
    return EnumSet.allOf(CreateFailure.class);
  }

  /**
   * Stubs {@code failure}; returns the provider to place the call with (for most, {@link
   * #provider()}).
   */
  CallProvider stubCreateFailure(CreateFailure failure);

  /** How many create requests the server received since the last stub. */
  int createRequestsReceived();

  /**
   * The statuses this provider's webhooks can report; by default every terminal and progress one.
   */
  default Set<CallStatus> webhookStatuses() {
    return EnumSet.complementOf(EnumSet.of(CallStatus.UNKNOWN, CallStatus.QUEUED));
  }

  /**
   * A webhook reporting that call {@code providerCallId} reached {@code status}, as the provider
   * would send it to {@code callbackUrl}, validly signed. {@link CallStatus#VOICEMAIL}: the call
   * was answered by a machine and ended.
   */
  WebhookRequest webhook(URI callbackUrl, String providerCallId, CallStatus status);

  /**
   * A validly signed webhook whose status is {@code rawStatus}, a value the provider never sent.
   */
  WebhookRequest webhookWithRawStatus(URI callbackUrl, String providerCallId, String rawStatus);

  /** The webhook of {@link #webhook}, signed with a wrong secret. */
  WebhookRequest webhookSignedWrongly(URI callbackUrl, String providerCallId, CallStatus status);

  /** {@code signed} without its signature. */
  WebhookRequest withoutSignature(WebhookRequest signed);

  /** A validly signed webhook missing a field the provider always sends (its call id, say). */
  WebhookRequest malformedWebhook(URI callbackUrl);

  /** Stubs the provider's answer to ending call {@code providerCallId}. */
  void stubHangUp(String providerCallId);

  /**
   * Asserts that the server was asked to end {@code providerCallId}, which Dialkit knew to be in
   * {@code statusAtHangUp} (a cancel before answer, a hang-up after).
   */
  void verifyHungUp(String providerCallId, CallStatus statusAtHangUp);

  /** Stubs the provider's answer to ending a call that has already ended. */
  void stubHangUpOfEndedCall(String providerCallId);

  /** The statuses the provider's status query can report; by default the same as webhooks'. */
  default Set<CallStatus> queryStatuses() {
    return webhookStatuses();
  }

  /** Stubs the status query of {@code providerCallId} to answer {@code status}. */
  void stubStatus(String providerCallId, CallStatus status);

  /** Stubs the status query of {@code providerCallId} to answer that no such call exists. */
  void stubUnknownCall(String providerCallId);

  /** Secrets (tokens, keys) that must never appear in {@code toString} or an exception message. */
  Set<String> secrets();

  /** Stops the fixture's server. */
  @Override
  default void close() {}
}
