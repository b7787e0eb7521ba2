package dev.dialkit.provider.plivo;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

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

  /**
   * Default {@link #reconcileWindow}: 2 min, after which Plivo's lists are trusted to show a call
   * made from the permitted request.
   */
  public static final Duration DEFAULT_RECONCILE_WINDOW = Duration.ofMinutes(2);

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
  Duration reconcileWindow = DEFAULT_RECONCILE_WINDOW;
  Clock clock = Clock.systemUTC();

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
   * The main account's Auth Token, for a subaccount: a webhook signature, in {@code
   * X-Plivo-Signature-Ma-V3} (made with the main account's token, by Plivo's docs for V2; inferred
   * for V3) or in {@code X-Plivo-Signature-V3}, that verifies with it is accepted too. Optional;
   * without it only the {@link #authToken} verifies either header.
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
    URI uri = ProviderSettings.callbackUrl("callbackBaseUrl", url);
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
    this.publicBaseUrl = ProviderSettings.httpUrl("publicBaseUrl", url);
    return this;
  }

  /**
   * Where the REST API is (a test server, say). Default {@value #DEFAULT_BASE_URL}; path ignored.
   */
  public PlivoProviderBuilder baseUrl(String url) {
    this.baseUrl = ProviderSettings.origin(ProviderSettings.httpUrl("baseUrl", url));
    return this;
  }

  /**
   * The client requests go through. Default: one per provider, connect timeout {@link
   * #DEFAULT_CONNECT_TIMEOUT}. Set a connect timeout on your own: only a connect timeout tells "not
   * sent" (retryable) from "no answer" (ambiguous).
   */
  public PlivoProviderBuilder httpClient(HttpClient client) {
    this.httpClient = ProviderSettings.httpClient(client);
    return this;
  }

  /**
   * How long to wait for Plivo's response; past it a create is ambiguous. 100 ms to 5 min, default
   * 15 s.
   */
  public PlivoProviderBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = ProviderSettings.requestTimeout(timeout);
    return this;
  }

  /**
   * The account's outbound calls-per-second limit, which Dialkit's rate limiter keeps to. Default 2
   * (Plivo's default; Plivo queues calls over it rather than refusing them, which only adds
   * latency). In India the limit is the concurrency ÷ 25. Over 0, at most 1000.
   */
  public PlivoProviderBuilder callsPerSecond(double cps) {
    this.callsPerSecond = ProviderSettings.callsPerSecond(cps);
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
   * How long Plivo's queued, live and ended call lists are given to show a call, when a create
   * failed ambiguously: Dialkit concludes "never placed" only from a search at least this long
   * after the call's permit that finds nothing, confirmed by a second search at least this long
   * after the first (see the README, "Reconciling an ambiguous create"). 10 s to 1 h, default 2
   * min.
   */
  public PlivoProviderBuilder reconcileWindow(Duration window) {
    if (window == null
        || window.compareTo(Duration.ofSeconds(10)) < 0
        || window.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidConfigurationException("reconcileWindow", window, "must be 10 s to 1 h");
    }
    this.reconcileWindow = window;
    return this;
  }

  /** The clock the reconciliation window is measured with; default the system's. */
  public PlivoProviderBuilder clock(Clock clock) {
    if (clock == null) {
      throw new InvalidConfigurationException("clock", null, "must not be null");
    }
    this.clock = clock;
    return this;
  }

  /**
   * The provider's name in Dialkit. Letters, digits and {@code -}; default {@value #DEFAULT_NAME}.
   */
  public PlivoProviderBuilder name(String name) {
    this.name = ProviderSettings.name(name);
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
    return ProviderSettings.origin(publicBaseUrl != null ? publicBaseUrl : callbackBaseUrl);
  }
}
