package dev.dialkit.spring.boot;

import java.time.Duration;

/**
 * {@code dialkit.providers.bolna.*}: the settings of {@code BolnaProviderBuilder}. Bolna takes one
 * webhook URL per agent, set in Bolna: {@code CampaignDialer.webhooks().providerWebhookUrl(...)}
 * makes it.
 */
public class BolnaProperties {
  /** The Bolna API key. Required; never logged. */
  private String apiKey;

  /** The Bolna agent that calls, for campaigns without a hosted agent of their own. */
  private String agentId;

  /** Whether the campaign's caller id is sent as from_phone_number; default true. */
  private Boolean sendCallerId;

  /** Where the REST API is (a region, an edge or a test server). Default Bolna's public API. */
  private String baseUrl;

  /**
   * How long to wait for the provider's response; past it a create is ambiguous. 100 ms to 5 min,
   * default 15 s.
   */
  private Duration requestTimeout;

  /**
   * The account's calls-per-second limit, which Dialkit keeps to. Over 0, at most 1000; default 5.
   */
  private Double callsPerSecond;

  /**
   * The provider's name in Dialkit (and in its webhook path). Letters, digits and '-'; default
   * bolna.
   */
  private String name;

  public String getApiKey() {
    return apiKey;
  }

  public void setApiKey(String apiKey) {
    this.apiKey = apiKey;
  }

  public String getAgentId() {
    return agentId;
  }

  public void setAgentId(String agentId) {
    this.agentId = agentId;
  }

  public Boolean getSendCallerId() {
    return sendCallerId;
  }

  public void setSendCallerId(Boolean sendCallerId) {
    this.sendCallerId = sendCallerId;
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
