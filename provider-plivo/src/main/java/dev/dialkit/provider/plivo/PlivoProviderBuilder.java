package dev.dialkit.provider.plivo;

import dev.dialkit.campaign.InvalidConfigurationException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

/**
 * Builds a {@link PlivoProvider}. Every setter checks its value and {@link #build()} checks that
 * the required ones are set; a bad value fails with an {@link InvalidConfigurationException} naming
 * the field and the value (never a secret's value).
 *
 * <p>Required: {@link #authId}, {@link #authToken} and {@link #callbackBaseUrl}.
 */
public final class PlivoProviderBuilder {
  /** Default {@link #baseUrl}: {@value}. */
  public static final String DEFAULT_BASE_URL = "https://api.plivo.com";

  /** Default {@link #name}: {@value}. */
  public static final String DEFAULT_NAME = "plivo";

  /** Default {@link #callsPerSecond}: 2, Plivo's default outbound CPS per account. */
  public static final double DEFAULT_CALLS_PER_SECOND = 2;

  /** Default {@link #requestTimeout}: 15 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Connect timeout of the default {@link HttpClient}: 5 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default {@link #timeZone}: UTC. */
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneOffset.UTC;

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  String authId;
  String authToken;
  String mainAccountAuthToken;
  URI callbackBaseUrl;
  URI publicBaseUrl;
  URI baseUrl = URI.create(DEFAULT_BASE_URL);
  HttpClient httpClient;
  Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  double callsPerSecond = DEFAULT_CALLS_PER_SECOND;
  String name = DEFAULT_NAME;
  ZoneId timeZone = DEFAULT_TIME_ZONE;

  PlivoProviderBuilder() {}

  /**
   * The account's (or subaccount's) Auth ID, {@code MA…} or {@code SA…}: letters and digits, 10 to
   * 64 of them. It is the user of HTTP Basic and part of every request's path. Required.
   */
  public PlivoProviderBuilder authId(String authId) {
    if (authId == null || !authId.matches("[A-Za-z0-9]{10,64}")) {
      throw new InvalidConfigurationException(
          "authId", authId, "must be 10 to 64 letters or digits (MA… or SA…)");
    }
    this.authId = authId;
    return this;
  }

  /**
   * The Auth Token of the same account: it authenticates REST requests and verifies every webhook's
   * {@code X-Plivo-Signature-V3}. Required.
   */
  public PlivoProviderBuilder authToken(String authToken) {
    if (authToken == null || authToken.isBlank()) {
      throw new InvalidConfigurationException("authToken", "<blank>", "must not be blank");
    }
    this.authToken = authToken;
    return this;
  }

  /**
   * The main account's Auth Token, for a subaccount: webhooks whose {@code X-Plivo-Signature-Ma-V3}
   * matches it are accepted too. Optional; without it that header is ignored.
   */
  public PlivoProviderBuilder mainAccountAuthToken(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidConfigurationException(
          "mainAccountAuthToken", "<blank>", "must not be blank");
    }
    this.mainAccountAuthToken = token;
    return this;
  }

  /**
   * The URL of the host's webhook route, handed to Plivo as {@code ring_url}, {@code hangup_url}
   * and {@code machine_detection_url}; Dialkit appends the call's parameters to it. Absolute {@code
   * https}; {@code http} only for {@code localhost}. Required.
   */
  public PlivoProviderBuilder callbackBaseUrl(String url) {
    URI uri = parse("callbackBaseUrl", url);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new InvalidConfigurationException("callbackBaseUrl", url, "must be an absolute URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    boolean local = LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
    if (!scheme.equals("https") && !(scheme.equals("http") && local)) {
      throw new InvalidConfigurationException(
          "callbackBaseUrl", url, "must be https (http only for localhost)");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidConfigurationException(
          "callbackBaseUrl", "<with user info>", "must not carry user info");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidConfigurationException(
          "callbackBaseUrl", url, "must not have a fragment (Plivo would sign it away)");
    }
    this.callbackBaseUrl = uri;
    return this;
  }

  /**
   * The scheme, host and port Plivo calls, when the host sees another one behind a TLS-terminating
   * proxy or tunnel; signatures are checked against it. Default: the scheme, host and port of the
   * {@link #callbackBaseUrl}.
   */
  public PlivoProviderBuilder publicBaseUrl(String url) {
    URI uri = parse("publicBaseUrl", url);
    if (!uri.isAbsolute() || uri.getHost() == null || !isHttp(uri)) {
      throw new InvalidConfigurationException(
          "publicBaseUrl", url, "must be an absolute http(s) URL");
    }
    this.publicBaseUrl = uri;
    return this;
  }

  /**
   * Where the REST API is (a test server, say). Default {@value #DEFAULT_BASE_URL}; path ignored.
   */
  public PlivoProviderBuilder baseUrl(String url) {
    URI uri = parse("baseUrl", url);
    if (!uri.isAbsolute() || uri.getHost() == null || !isHttp(uri)) {
      throw new InvalidConfigurationException("baseUrl", url, "must be an absolute http(s) URL");
    }
    this.baseUrl = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    return this;
  }

  /**
   * The client requests go through. Default: one per provider, connect timeout {@link
   * #DEFAULT_CONNECT_TIMEOUT}. Set a connect timeout on your own: only a connect timeout tells "not
   * sent" (retryable) from "no answer" (ambiguous).
   */
  public PlivoProviderBuilder httpClient(HttpClient client) {
    if (client == null) {
      throw new InvalidConfigurationException("httpClient", null, "must not be null");
    }
    this.httpClient = client;
    return this;
  }

  /**
   * How long to wait for Plivo's response; past it a create is ambiguous. 100 ms to 5 min, default
   * 15 s.
   */
  public PlivoProviderBuilder requestTimeout(Duration timeout) {
    if (timeout == null
        || timeout.compareTo(Duration.ofMillis(100)) < 0
        || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new InvalidConfigurationException(
          "requestTimeout", timeout, "must be between PT0.1S and PT5M");
    }
    this.requestTimeout = timeout;
    return this;
  }

  /**
   * The account's outbound calls-per-second limit, which Dialkit's rate limiter keeps to. Default 2
   * (Plivo's default; Plivo queues calls over it rather than refusing them, which only adds
   * latency). In India the limit is the concurrency ÷ 25. Over 0, at most 1000.
   */
  public PlivoProviderBuilder callsPerSecond(double cps) {
    if (!(cps > 0) || cps > 1000) {
      throw new InvalidConfigurationException("callsPerSecond", cps, "must be > 0 and <= 1000");
    }
    this.callsPerSecond = cps;
    return this;
  }

  /**
   * The zone of Plivo times that carry no offset: callback {@code AnswerTime} / {@code EndTime} and
   * the Call resource's times, which Plivo gives in the time zone set in the Plivo console. Default
   * UTC.
   */
  public PlivoProviderBuilder timeZone(ZoneId zone) {
    if (zone == null) {
      throw new InvalidConfigurationException("timeZone", null, "must not be null");
    }
    this.timeZone = zone;
    return this;
  }

  /**
   * The provider's name in Dialkit. Letters, digits and {@code -}; default {@value #DEFAULT_NAME}.
   */
  public PlivoProviderBuilder name(String name) {
    if (name == null || !name.matches("[A-Za-z0-9-]{1,64}")) {
      throw new InvalidConfigurationException(
          "name", name, "must be 1 to 64 letters, digits or '-'");
    }
    this.name = name;
    return this;
  }

  /**
   * @throws InvalidConfigurationException if {@code authId}, {@code authToken} or {@code
   *     callbackBaseUrl} is missing
   */
  public PlivoProvider build() {
    if (authId == null) {
      throw new InvalidConfigurationException("authId", null, "is required");
    }
    if (authToken == null) {
      throw new InvalidConfigurationException("authToken", null, "is required");
    }
    if (callbackBaseUrl == null) {
      throw new InvalidConfigurationException("callbackBaseUrl", null, "is required");
    }
    return new PlivoProvider(this);
  }

  URI effectivePublicBase() {
    URI base = publicBaseUrl != null ? publicBaseUrl : callbackBaseUrl;
    return URI.create(base.getScheme() + "://" + base.getRawAuthority());
  }

  private static boolean isHttp(URI uri) {
    String s = uri.getScheme().toLowerCase(Locale.ROOT);
    return s.equals("http") || s.equals("https");
  }

  private static URI parse(String field, String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidConfigurationException(field, url, "is required");
    }
    try {
      return new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      throw new InvalidConfigurationException(field, url, "must be a valid URL");
    }
  }
}
