package dev.dialkit.spring.boot;

import java.time.Duration;
import java.time.ZoneId;

/** {@code dialkit.providers.sanspbx.*}: the settings of {@code SansPbxProviderBuilder}. */
public class SansPbxProperties {
  /**
   * The tenant's SansPBX API root, such as https://clouduat28.sansoftwares.com/pbxadmin/sanpbxapi.
   * Required.
   */
  private String apiUrl;

  /** The static access token of gentoken. Required; never logged. */
  private String accessToken;

  /** The access key of gentoken. Required; never logged. */
  private String accessKey;

  /** HTTP Basic user for gentoken, with basic-auth-password; default none. */
  private String basicAuthUser;

  /** HTTP Basic password for gentoken; never logged. */
  private String basicAuthPassword;

  /**
   * The URL handed to SansPBX as status_callback. Default dialkit.public-base-url plus the webhook
   * path and the provider's name.
   */
  private String callbackBaseUrl;

  /** The media WebSocket (wss://…) sent as websocket_url; default none. */
  private String websocketUrl;

  /**
   * How call_to is written: zero-prefixed (the default), country-code, national, last-seven-digits
   * or e164 (see SansPbxNumberFormat).
   */
  private String callToFormat;

  /** How caller_id is written; default last-seven-digits. Same values as call-to-format. */
  private String callerIdFormat;

  /** Where status_callback goes: top-level (the default), custom-field or both. */
  private String callbackPlacement;

  /**
   * Whether the webhook's Linkedid is dialcall's callid, so that Dialkit checks it; default false.
   */
  private Boolean linkedIdIsCallId;

  /** The zone of expiry_time; default Asia/Kolkata. */
  private ZoneId timeZone;

  /** How long before its expiry a token is replaced; 0 to 1 h, default 60 s. */
  private Duration tokenRefreshMargin;

  /** How long a token without a usable expiry is kept; 1 s to 24 h, default 5 min. */
  private Duration tokenFallbackLifetime;

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
   * sanspbx.
   */
  private String name;

  public String getApiUrl() {
    return apiUrl;
  }

  public void setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl;
  }

  public String getAccessToken() {
    return accessToken;
  }

  public void setAccessToken(String accessToken) {
    this.accessToken = accessToken;
  }

  public String getAccessKey() {
    return accessKey;
  }

  public void setAccessKey(String accessKey) {
    this.accessKey = accessKey;
  }

  public String getBasicAuthUser() {
    return basicAuthUser;
  }

  public void setBasicAuthUser(String basicAuthUser) {
    this.basicAuthUser = basicAuthUser;
  }

  public String getBasicAuthPassword() {
    return basicAuthPassword;
  }

  public void setBasicAuthPassword(String basicAuthPassword) {
    this.basicAuthPassword = basicAuthPassword;
  }

  public String getCallbackBaseUrl() {
    return callbackBaseUrl;
  }

  public void setCallbackBaseUrl(String callbackBaseUrl) {
    this.callbackBaseUrl = callbackBaseUrl;
  }

  public String getWebsocketUrl() {
    return websocketUrl;
  }

  public void setWebsocketUrl(String websocketUrl) {
    this.websocketUrl = websocketUrl;
  }

  public String getCallToFormat() {
    return callToFormat;
  }

  public void setCallToFormat(String callToFormat) {
    this.callToFormat = callToFormat;
  }

  public String getCallerIdFormat() {
    return callerIdFormat;
  }

  public void setCallerIdFormat(String callerIdFormat) {
    this.callerIdFormat = callerIdFormat;
  }

  public String getCallbackPlacement() {
    return callbackPlacement;
  }

  public void setCallbackPlacement(String callbackPlacement) {
    this.callbackPlacement = callbackPlacement;
  }

  public Boolean getLinkedIdIsCallId() {
    return linkedIdIsCallId;
  }

  public void setLinkedIdIsCallId(Boolean linkedIdIsCallId) {
    this.linkedIdIsCallId = linkedIdIsCallId;
  }

  public ZoneId getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(ZoneId timeZone) {
    this.timeZone = timeZone;
  }

  public Duration getTokenRefreshMargin() {
    return tokenRefreshMargin;
  }

  public void setTokenRefreshMargin(Duration tokenRefreshMargin) {
    this.tokenRefreshMargin = tokenRefreshMargin;
  }

  public Duration getTokenFallbackLifetime() {
    return tokenFallbackLifetime;
  }

  public void setTokenFallbackLifetime(Duration tokenFallbackLifetime) {
    this.tokenFallbackLifetime = tokenFallbackLifetime;
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
