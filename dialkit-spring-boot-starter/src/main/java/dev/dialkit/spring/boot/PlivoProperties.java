package dev.dialkit.spring.boot;

import java.time.Duration;
import java.time.ZoneId;

/** {@code dialkit.providers.plivo.*}: the settings of {@code PlivoProviderBuilder}. */
public class PlivoProperties {
  /** The account's Auth ID (MA… or SA…). Required. */
  private String authId;

  /** The account's Auth Token; it verifies every webhook's signature. Required; never logged. */
  private String authToken;

  /**
   * For a subaccount, the main account's Auth Token, whose webhook signatures are accepted too;
   * never logged.
   */
  private String mainAccountAuthToken;

  /**
   * The URL handed to Plivo as ring, hangup and machine detection URL. Default
   * dialkit.public-base-url plus the webhook path and the provider's name.
   */
  private String callbackBaseUrl;

  /**
   * The scheme, host and port Plivo calls, when it differs from the callback URL's. Default the
   * callback URL's.
   */
  private String publicBaseUrl;

  /** The zone of Plivo's times that carry no offset (the Plivo console's setting). Default UTC. */
  private ZoneId timeZone;

  /**
   * How long Plivo's call lists are given to show a call after an ambiguous create; 10 s to 1 h,
   * default 2 min.
   */
  private Duration reconcileWindow;

  /** Where the REST API is (a region, an edge or a test server). Default Plivo's public API. */
  private String baseUrl;

  /**
   * How long to wait for the provider's response; past it a create is ambiguous. 100 ms to 5 min,
   * default 15 s.
   */
  private Duration requestTimeout;

  /**
   * The account's calls-per-second limit, which Dialkit keeps to. Over 0, at most 1000; default 2.
   */
  private Double callsPerSecond;

  /**
   * The provider's name in Dialkit (and in its webhook path). Letters, digits and '-'; default
   * plivo.
   */
  private String name;

  public String getAuthId() {
    return authId;
  }

  public void setAuthId(String authId) {
    this.authId = authId;
  }

  public String getAuthToken() {
    return authToken;
  }

  public void setAuthToken(String authToken) {
    this.authToken = authToken;
  }

  public String getMainAccountAuthToken() {
    return mainAccountAuthToken;
  }

  public void setMainAccountAuthToken(String mainAccountAuthToken) {
    this.mainAccountAuthToken = mainAccountAuthToken;
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

  public ZoneId getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(ZoneId timeZone) {
    this.timeZone = timeZone;
  }

  public Duration getReconcileWindow() {
    return reconcileWindow;
  }

  public void setReconcileWindow(Duration reconcileWindow) {
    this.reconcileWindow = reconcileWindow;
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
