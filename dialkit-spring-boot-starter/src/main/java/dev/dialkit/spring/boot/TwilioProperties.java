package dev.dialkit.spring.boot;

import java.time.Duration;

/** {@code dialkit.providers.twilio.*}: the settings of {@code TwilioProviderBuilder}. */
public class TwilioProperties {
  /** The account (AC and 32 hex digits). Required. */
  private String accountSid;

  /** The account's auth token; it verifies every webhook's signature. Required; never logged. */
  private String authToken;

  /**
   * An API key (SK and 32 hex digits) that authenticates REST requests instead of the auth token;
   * with api-key-secret.
   */
  private String apiKeySid;

  /** The API key's secret; never logged. */
  private String apiKeySecret;

  /**
   * The URL Twilio posts status callbacks to. Default dialkit.public-base-url plus the webhook path
   * and the provider's name.
   */
  private String callbackBaseUrl;

  /**
   * The scheme, host and port Twilio calls, when it differs from the callback URL's. Default the
   * callback URL's.
   */
  private String publicBaseUrl;

  /**
   * enable (Twilio's default) or detect-message-end: how answering machines are detected on
   * campaigns that ask for it.
   */
  private String machineDetection;

  /** MachineDetectionTimeout: whole seconds, 3 to 59. Twilio's default (30 s) when not set. */
  private Duration machineDetectionTimeout;

  /** MachineDetectionSpeechThreshold: 1000 to 6000 ms. Twilio's default when not set. */
  private Duration machineDetectionSpeechThreshold;

  /** MachineDetectionSpeechEndThreshold: 500 to 5000 ms. Twilio's default when not set. */
  private Duration machineDetectionSpeechEndThreshold;

  /** MachineDetectionSilenceTimeout: 2000 to 10000 ms. Twilio's default when not set. */
  private Duration machineDetectionSilenceTimeout;

  /** Where the REST API is (a region, an edge or a test server). Default Twilio's public API. */
  private String baseUrl;

  /**
   * How long to wait for the provider's response; past it a create is ambiguous. 100 ms to 5 min,
   * default 15 s.
   */
  private Duration requestTimeout;

  /**
   * The account's calls-per-second limit, which Dialkit keeps to. Over 0, at most 1000; default 1.
   */
  private Double callsPerSecond;

  /**
   * The provider's name in Dialkit (and in its webhook path). Letters, digits and '-'; default
   * twilio.
   */
  private String name;

  public String getAccountSid() {
    return accountSid;
  }

  public void setAccountSid(String accountSid) {
    this.accountSid = accountSid;
  }

  public String getAuthToken() {
    return authToken;
  }

  public void setAuthToken(String authToken) {
    this.authToken = authToken;
  }

  public String getApiKeySid() {
    return apiKeySid;
  }

  public void setApiKeySid(String apiKeySid) {
    this.apiKeySid = apiKeySid;
  }

  public String getApiKeySecret() {
    return apiKeySecret;
  }

  public void setApiKeySecret(String apiKeySecret) {
    this.apiKeySecret = apiKeySecret;
  }

  public String getCallbackBaseUrl() {
    return callbackBaseUrl;
  }

  public void setCallbackBaseUrl(String callbackBaseUrl) {
    this.callbackBaseUrl = callbackBaseUrl;
  }

  public String getPublicBaseUrl() {
    return publicBaseUrl;
  }

  public void setPublicBaseUrl(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  public String getMachineDetection() {
    return machineDetection;
  }

  public void setMachineDetection(String machineDetection) {
    this.machineDetection = machineDetection;
  }

  public Duration getMachineDetectionTimeout() {
    return machineDetectionTimeout;
  }

  public void setMachineDetectionTimeout(Duration machineDetectionTimeout) {
    this.machineDetectionTimeout = machineDetectionTimeout;
  }

  public Duration getMachineDetectionSpeechThreshold() {
    return machineDetectionSpeechThreshold;
  }

  public void setMachineDetectionSpeechThreshold(Duration machineDetectionSpeechThreshold) {
    this.machineDetectionSpeechThreshold = machineDetectionSpeechThreshold;
  }

  public Duration getMachineDetectionSpeechEndThreshold() {
    return machineDetectionSpeechEndThreshold;
  }

  public void setMachineDetectionSpeechEndThreshold(Duration machineDetectionSpeechEndThreshold) {
    this.machineDetectionSpeechEndThreshold = machineDetectionSpeechEndThreshold;
  }

  public Duration getMachineDetectionSilenceTimeout() {
    return machineDetectionSilenceTimeout;
  }

  public void setMachineDetectionSilenceTimeout(Duration machineDetectionSilenceTimeout) {
    this.machineDetectionSilenceTimeout = machineDetectionSilenceTimeout;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public Double getCallsPerSecond() {
    return callsPerSecond;
  }

  public void setCallsPerSecond(Double callsPerSecond) {
    this.callsPerSecond = callsPerSecond;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
