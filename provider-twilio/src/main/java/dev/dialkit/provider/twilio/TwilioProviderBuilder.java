package dev.dialkit.provider.twilio;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds a {@link TwilioProvider}. Every setter checks its value and {@link #build()} checks that
 * the required ones are set; a bad value fails with an {@link InvalidConfigurationException} naming
 * the field and the value (never a secret's value).
 *
 * <p>Required: {@link #accountSid}, {@link #authToken} and {@link #callbackBaseUrl}. The auth token
 * is required even when the REST API is called with an {@link #apiKey API key}: Twilio signs its
 * webhooks with the account's auth token, and an API key secret cannot verify them.
 */
public final class TwilioProviderBuilder {
  /** Default {@link #baseUrl}: {@value}. */
  public static final String DEFAULT_BASE_URL = "https://api.twilio.com";

  /** Default {@link #name}: {@value}. */
  public static final String DEFAULT_NAME = "twilio";

  /** Default {@link #callsPerSecond}: 1, Twilio's default per account for POST /Calls. */
  public static final double DEFAULT_CALLS_PER_SECOND = 1;

  /** Default {@link #requestTimeout}: 15 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Connect timeout of the default {@link HttpClient}: 5 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  String accountSid;
  String authToken;
  String apiKeySid;
  String apiKeySecret;
  URI callbackBaseUrl;
  URI publicBaseUrl;
  URI baseUrl = URI.create(DEFAULT_BASE_URL);
  HttpClient httpClient;
  Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  double callsPerSecond = DEFAULT_CALLS_PER_SECOND;
  String name = DEFAULT_NAME;
  TwilioMachineDetection machineDetection = TwilioMachineDetection.ENABLE;
  Integer machineDetectionTimeoutSeconds;
  Integer machineDetectionSpeechThresholdMillis;
  Integer machineDetectionSpeechEndThresholdMillis;
  Integer machineDetectionSilenceTimeoutMillis;

  TwilioProviderBuilder() {}

  /** The account ({@code AC} and 32 hex digits); it is the path of every request. Required. */
  public TwilioProviderBuilder accountSid(String accountSid) {
    if (accountSid == null || !accountSid.matches("AC[0-9a-fA-F]{32}")) {
      throw new InvalidConfigurationException(
          "accountSid", accountSid, "must be AC followed by 32 hex digits");
    }
    this.accountSid = accountSid;
    return this;
  }

  /**
   * The account's auth token. Required: it verifies every webhook's {@code X-Twilio-Signature}, and
   * it authenticates REST requests unless an {@link #apiKey} is set.
   */
  public TwilioProviderBuilder authToken(String authToken) {
    if (authToken == null || authToken.isBlank()) {
      throw new InvalidConfigurationException("authToken", "<blank>", "must not be blank");
    }
    this.authToken = authToken;
    return this;
  }

  /**
   * Authenticates REST requests with an API key ({@code SK} and 32 hex digits) and its secret
   * instead of the auth token. Optional.
   */
  public TwilioProviderBuilder apiKey(String apiKeySid, String apiKeySecret) {
    if (apiKeySid == null || !apiKeySid.matches("SK[0-9a-fA-F]{32}")) {
      throw new InvalidConfigurationException(
          "apiKeySid", apiKeySid, "must be SK followed by 32 hex digits");
    }
    if (apiKeySecret == null || apiKeySecret.isBlank()) {
      throw new InvalidConfigurationException("apiKeySecret", "<blank>", "must not be blank");
    }
    this.apiKeySid = apiKeySid;
    this.apiKeySecret = apiKeySecret;
    return this;
  }

  /**
   * The URL of the host's webhook route, which Twilio posts status callbacks to; Dialkit appends
   * the call's parameters to it. Absolute {@code https}; {@code http} only for {@code localhost}.
   * The host name must not contain {@code _} (Twilio refuses it). A fragment (Twilio's connection
   * overrides, {@code #rc=2}) is kept. Required.
   */
  public TwilioProviderBuilder callbackBaseUrl(String url) {
    URI uri = ProviderSettings.callbackUrl("callbackBaseUrl", url);
    if (uri.getHost().contains("_")) {
      throw new InvalidConfigurationException(
          "callbackBaseUrl", url, "must not have '_' in its host name (Twilio refuses it)");
    }
    this.callbackBaseUrl = uri;
    return this;
  }

  /**
   * The scheme, host and port Twilio calls, when the host sees another one behind a TLS-terminating
   * proxy or tunnel; signatures are checked against it. Default: the scheme, host and port of the
   * {@link #callbackBaseUrl}.
   */
  public TwilioProviderBuilder publicBaseUrl(String url) {
    this.publicBaseUrl = ProviderSettings.httpUrl("publicBaseUrl", url);
    return this;
  }

  /**
   * Where the REST API is: an edge or region ({@code https://api.dublin.ie1.twilio.com}) or a test
   * server. Default {@value #DEFAULT_BASE_URL}. Any path is ignored.
   */
  public TwilioProviderBuilder baseUrl(String url) {
    this.baseUrl = ProviderSettings.origin(ProviderSettings.httpUrl("baseUrl", url));
    return this;
  }

  /**
   * The client requests go through. Default: one per provider, HTTP/1.1 then 2, connect timeout
   * {@link #DEFAULT_CONNECT_TIMEOUT}. Set a connect timeout on your own: only a connect timeout
   * tells "not sent" (retryable) from "no answer" (ambiguous).
   */
  public TwilioProviderBuilder httpClient(HttpClient client) {
    this.httpClient = ProviderSettings.httpClient(client);
    return this;
  }

  /**
   * How long to wait for Twilio's response; past it a create is ambiguous. 100 ms to 5 min, default
   * 15 s.
   */
  public TwilioProviderBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = ProviderSettings.requestTimeout(timeout);
    return this;
  }

  /**
   * The account's calls-per-second limit, which Dialkit's rate limiter keeps to. Default 1
   * (Twilio's default; accounts with an approved business profile may raise it). Over 0, at most
   * 1000.
   */
  public TwilioProviderBuilder callsPerSecond(double cps) {
    this.callsPerSecond = ProviderSettings.callsPerSecond(cps);
    return this;
  }

  /**
   * The provider's name in Dialkit. Letters, digits and {@code -}; default {@value #DEFAULT_NAME}.
   */
  public TwilioProviderBuilder name(String name) {
    this.name = ProviderSettings.name(name);
    return this;
  }

  /**
   * How Twilio detects answering machines on the calls of a campaign that asks for machine
   * detection ({@code CampaignSpec.machineDetection}): {@link TwilioMachineDetection#ENABLE} (the
   * default) or {@link TwilioMachineDetection#DETECT_MESSAGE_END}. Sent as {@code
   * MachineDetection}; a campaign without machine detection sends none of the AMD parameters.
   */
  public TwilioProviderBuilder machineDetection(TwilioMachineDetection mode) {
    if (mode == null) {
      throw new InvalidConfigurationException("machineDetection", null, "is required");
    }
    this.machineDetection = mode;
    return this;
  }

  /**
   * {@code MachineDetectionTimeout}: how long Twilio tries before reporting {@code AnsweredBy}
   * {@code unknown}. Whole seconds, 3 to 59 (every value in that range is valid by both the current
   * and the older documented range); Twilio's default (30 s) when not set.
   */
  public TwilioProviderBuilder machineDetectionTimeout(Duration timeout) {
    this.machineDetectionTimeoutSeconds =
        whole("machineDetectionTimeout", timeout, Duration.ofSeconds(1), 3, 59, "s");
    return this;
  }

  /**
   * {@code MachineDetectionSpeechThreshold}: speech shorter than this is a human, longer a machine.
   * Whole milliseconds, 1,000 to 6,000; Twilio's default (2,400 ms) when not set.
   */
  public TwilioProviderBuilder machineDetectionSpeechThreshold(Duration threshold) {
    this.machineDetectionSpeechThresholdMillis =
        whole("machineDetectionSpeechThreshold", threshold, Duration.ofMillis(1), 1000, 6000, "ms");
    return this;
  }

  /**
   * {@code MachineDetectionSpeechEndThreshold}: the silence after speech that ends it. Whole
   * milliseconds, 500 to 5,000; Twilio's default (1,200 ms) when not set.
   */
  public TwilioProviderBuilder machineDetectionSpeechEndThreshold(Duration threshold) {
    this.machineDetectionSpeechEndThresholdMillis =
        whole(
            "machineDetectionSpeechEndThreshold", threshold, Duration.ofMillis(1), 500, 5000, "ms");
    return this;
  }

  /**
   * {@code MachineDetectionSilenceTimeout}: initial silence after which Twilio reports {@code
   * unknown}. Whole milliseconds, 2,000 to 10,000; Twilio's default (5,000 ms) when not set.
   */
  public TwilioProviderBuilder machineDetectionSilenceTimeout(Duration timeout) {
    this.machineDetectionSilenceTimeoutMillis =
        whole("machineDetectionSilenceTimeout", timeout, Duration.ofMillis(1), 2000, 10000, "ms");
    return this;
  }

  /** {@code value} as a whole number of {@code unit}s from {@code min} to {@code max}. */
  private static int whole(
      String field, Duration value, Duration unit, int min, int max, String unitName) {
    String range = "must be a whole number of " + unitName + " from " + min + " to " + max;
    if (value == null) {
      throw new InvalidConfigurationException(field, null, range);
    }
    long units;
    try {
      units = value.dividedBy(unit);
    } catch (ArithmeticException e) {
      throw new InvalidConfigurationException(field, value, range);
    }
    if (!unit.multipliedBy(units).equals(value) || units < min || units > max) {
      throw new InvalidConfigurationException(field, value, range);
    }
    return (int) units;
  }

  /**
   * @throws InvalidConfigurationException if {@code accountSid}, {@code authToken} or {@code
   *     callbackBaseUrl} is missing
   */
  public TwilioProvider build() {
    if (accountSid == null) {
      throw new InvalidConfigurationException("accountSid", null, "is required");
    }
    if (authToken == null) {
      throw new InvalidConfigurationException(
          "authToken",
          null,
          "is required (it verifies X-Twilio-Signature, also when an API key authenticates)");
    }
    if (callbackBaseUrl == null) {
      throw new InvalidConfigurationException("callbackBaseUrl", null, "is required");
    }
    return new TwilioProvider(this);
  }

  URI effectivePublicBase() {
    return ProviderSettings.origin(publicBaseUrl != null ? publicBaseUrl : callbackBaseUrl);
  }
}
