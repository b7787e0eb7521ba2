package dev.dialkit.provider.bolna;

import dev.dialkit.campaign.Agent;
import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Builds a {@link BolnaProvider}. Every setter checks its value and {@link #build()} checks that
 * the required ones are set; a bad value fails with an {@link InvalidConfigurationException} naming
 * the field and the value (never the API key's).
 *
 * <p>Required: {@link #apiKey}. There is no callback URL to set: Bolna's webhook is configured per
 * agent, at Bolna (see the module's README).
 */
public final class BolnaProviderBuilder {
  /** Default {@link #baseUrl}: {@value}. */
  public static final String DEFAULT_BASE_URL = "https://api.bolna.ai";

  /** Default {@link #name}: {@value}. */
  public static final String DEFAULT_NAME = "bolna";

  /**
   * Default {@link #callsPerSecond}: 5. Bolna limits {@code POST /call} to 500 a minute per
   * organisation (about 8 a second); 5 leaves room for status queries and other clients.
   */
  public static final double DEFAULT_CALLS_PER_SECOND = 5;

  /** Default {@link #requestTimeout}: 15 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Connect timeout of the default {@link HttpClient}: 5 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default {@link #sendCallerId}: {@value}. */
  public static final boolean DEFAULT_SEND_CALLER_ID = true;

  String apiKey;
  String agentId;
  URI baseUrl = URI.create(DEFAULT_BASE_URL);
  HttpClient httpClient;
  Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  double callsPerSecond = DEFAULT_CALLS_PER_SECOND;
  String name = DEFAULT_NAME;
  boolean sendCallerId = DEFAULT_SEND_CALLER_ID;

  BolnaProviderBuilder() {}

  /**
   * The Bolna API key (platform.bolna.ai → Developers), sent as {@code Authorization: Bearer}.
   * Required; never logged.
   */
  public BolnaProviderBuilder apiKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new InvalidConfigurationException("apiKey", "<blank>", "must not be blank");
    }
    if (apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new InvalidConfigurationException(
          "apiKey", "<hidden>", "must be printable ASCII without spaces");
    }
    this.apiKey = apiKey;
    return this;
  }

  /**
   * The Bolna agent that calls, for campaigns whose agent is not an {@link Agent#hosted} one. A
   * campaign with {@code Agent.hosted(agentId)} always uses its own. 1 to 64 letters, digits or
   * {@code -} (Bolna's agent ids are UUIDs). Optional: without it, a campaign must name a hosted
   * agent, or its calls are refused.
   */
  public BolnaProviderBuilder agentId(String agentId) {
    if (agentId == null || !agentId.matches("[A-Za-z0-9-]{1,64}")) {
      throw new InvalidConfigurationException(
          "agentId", agentId, "must be 1 to 64 letters, digits or '-' (a Bolna agent UUID)");
    }
    this.agentId = agentId;
    return this;
  }

  /**
   * Where the REST API is (a test server, say). Default {@value #DEFAULT_BASE_URL}; path ignored.
   */
  public BolnaProviderBuilder baseUrl(String url) {
    this.baseUrl = ProviderSettings.origin(ProviderSettings.httpUrl("baseUrl", url));
    return this;
  }

  /**
   * The client requests go through. Default: one per provider, connect timeout {@link
   * #DEFAULT_CONNECT_TIMEOUT}. Set a connect timeout on your own: only a connect timeout tells "not
   * sent" (retryable) from "no answer" (ambiguous).
   */
  public BolnaProviderBuilder httpClient(HttpClient client) {
    this.httpClient = ProviderSettings.httpClient(client);
    return this;
  }

  /**
   * How long to wait for Bolna's response; past it a create is ambiguous. 100 ms to 5 min, default
   * 15 s.
   */
  public BolnaProviderBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = ProviderSettings.requestTimeout(timeout);
    return this;
  }

  /**
   * The rate Dialkit places calls at. Default {@link #DEFAULT_CALLS_PER_SECOND}. Over 0, at most
   * 1000. How many calls run at once is the account's concurrency, which Bolna shows in {@code GET
   * /user/me}; set Dialkit's concurrency policy to it.
   */
  public BolnaProviderBuilder callsPerSecond(double cps) {
    this.callsPerSecond = ProviderSettings.callsPerSecond(cps);
    return this;
  }

  /**
   * Whether the campaign's caller id goes to Bolna as {@code from_phone_number} (it must be a
   * number of the Bolna account, or Bolna refuses the call). {@code false}: Bolna picks one of its
   * own numbers. Default {@value #DEFAULT_SEND_CALLER_ID}.
   */
  public BolnaProviderBuilder sendCallerId(boolean send) {
    this.sendCallerId = send;
    return this;
  }

  /**
   * The provider's name in Dialkit. Letters, digits and {@code -}; default {@value #DEFAULT_NAME}.
   */
  public BolnaProviderBuilder name(String name) {
    this.name = ProviderSettings.name(name);
    return this;
  }

  /**
   * @throws InvalidConfigurationException if {@code apiKey} is missing
   */
  public BolnaProvider build() {
    if (apiKey == null) {
      throw new InvalidConfigurationException("apiKey", null, "is required");
    }
    return new BolnaProvider(this);
  }
}
