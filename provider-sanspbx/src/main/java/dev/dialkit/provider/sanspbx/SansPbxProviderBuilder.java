package dev.dialkit.provider.sanspbx;

import dev.dialkit.campaign.InvalidConfigurationException;
import dev.dialkit.campaign.TenantId;
import dev.dialkit.campaign.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link SansPbxProvider}. Every setter checks its value and {@link #build()} checks that
 * the required ones are set; a bad value fails with an {@link InvalidConfigurationException} naming
 * the field and the value (never a secret's value).
 *
 * <p>Required: {@link #apiUrl}, {@link #accessToken}, {@link #accessKey} and {@link
 * #callbackBaseUrl}. SansPBX has no public documentation: where its unofficial integrations
 * disagree, the choice is a setting here ({@link #numberFormats}, {@link #callbackPlacement},
 * {@link #basicAuth}, {@link #linkedIdIsCallId}, {@link #timeZone}), and the module's README says
 * which source does what.
 */
public final class SansPbxProviderBuilder {
  /** Where {@code status_callback} goes in a {@code dialcall} request. */
  public enum CallbackPlacement {
    /**
     * At the top level of the body, beside {@code appid}: what the Python client that parses
     * SansPBX's responses sends. The default.
     */
    TOP_LEVEL,
    /** Inside {@code custom_field}: what the Shreenika integration guide shows. */
    CUSTOM_FIELD,
    /** In both places. */
    BOTH
  }

  /** The API path appended to an {@link #apiUrl} given without one: {@value}. */
  public static final String DEFAULT_API_PATH = "/pbxadmin/sanpbxapi";

  /** Default {@link #name}: {@value}. */
  public static final String DEFAULT_NAME = "sanspbx";

  /** Default {@link #callsPerSecond}: 1 (SansPBX's limits are unknown). */
  public static final double DEFAULT_CALLS_PER_SECOND = 1;

  /** Default {@link #requestTimeout}: 15 s. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

  /** Connect timeout of the default {@link HttpClient}: 5 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** Default {@link #timeZone}, the zone of {@code expiry_time}: Asia/Kolkata (UNCONFIRMED). */
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Kolkata");

  /** Default {@link #tokenRefreshMargin}: 60 s before the token's expiry. */
  public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofSeconds(60);

  /** Default {@link #tokenFallbackLifetime}: 5 min. */
  public static final Duration DEFAULT_TOKEN_FALLBACK_LIFETIME = Duration.ofMinutes(5);

  /** Default {@link #callbackPlacement}: {@link CallbackPlacement#TOP_LEVEL}. */
  public static final CallbackPlacement DEFAULT_CALLBACK_PLACEMENT = CallbackPlacement.TOP_LEVEL;

  URI apiUrl;
  String accessToken;
  String accessKey;
  String basicUser;
  String basicPassword;
  URI callbackBaseUrl;
  URI websocketUrl;
  SansPbxNumberFormats numberFormats = SansPbxNumberFormats.DEFAULT;
  final Map<TenantId, SansPbxNumberFormats> tenantNumberFormats = new HashMap<>();
  CallbackPlacement callbackPlacement = DEFAULT_CALLBACK_PLACEMENT;
  boolean linkedIdIsCallId;
  HttpClient httpClient;
  Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
  double callsPerSecond = DEFAULT_CALLS_PER_SECOND;
  String name = DEFAULT_NAME;
  ZoneId timeZone = DEFAULT_TIME_ZONE;
  Duration tokenRefreshMargin = DEFAULT_TOKEN_REFRESH_MARGIN;
  Duration tokenFallbackLifetime = DEFAULT_TOKEN_FALLBACK_LIFETIME;
  Clock clock = Clock.systemUTC();

  SansPbxProviderBuilder() {}

  /**
   * The tenant's SansPBX API root, such as {@code
   * https://clouduat28.sansoftwares.com/pbxadmin/sanpbxapi}; {@code gentoken}, {@code dialcall} and
   * {@code calldisconnect} are resolved under it. Given without a path, {@value #DEFAULT_API_PATH}
   * is appended. Absolute http(s), no query. Required.
   */
  public SansPbxProviderBuilder apiUrl(String url) {
    URI uri = ProviderSettings.httpUrl("apiUrl", url);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new InvalidConfigurationException("apiUrl", url, "must have no query or fragment");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidConfigurationException(
          "apiUrl", "<with user info>", "must not carry user info");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    this.apiUrl =
        URI.create(ProviderSettings.origin(uri) + (path.isEmpty() ? DEFAULT_API_PATH : path));
    return this;
  }

  /**
   * The static access token sent as the {@code Accesstoken} header of {@code gentoken}. Required.
   */
  public SansPbxProviderBuilder accessToken(String token) {
    this.accessToken = secret("accessToken", token);
    return this;
  }

  /** The access key sent as {@code access_key} in the body of {@code gentoken}. Required. */
  public SansPbxProviderBuilder accessKey(String key) {
    this.accessKey = secret("accessKey", key);
    return this;
  }

  /**
   * HTTP Basic credentials for {@code gentoken}, which one integration sends and the others do not.
   * Optional; default none.
   */
  public SansPbxProviderBuilder basicAuth(String user, String password) {
    if (user == null || user.isBlank() || user.contains(":")) {
      throw new InvalidConfigurationException(
          "basicAuth.user", user, "must not be blank or contain ':'");
    }
    this.basicUser = user;
    this.basicPassword = secret("basicAuth.password", password);
    return this;
  }

  /**
   * The URL of the host's webhook route, handed to SansPBX as {@code status_callback}; Dialkit
   * appends the call's parameters and its own token (SansPBX signs nothing). Absolute {@code
   * https}; {@code http} only for {@code localhost}; no fragment. Required.
   */
  public SansPbxProviderBuilder callbackBaseUrl(String url) {
    URI uri = ProviderSettings.callbackUrl("callbackBaseUrl", url);
    if (uri.getRawFragment() != null) {
      throw new InvalidConfigurationException("callbackBaseUrl", url, "must not have a fragment");
    }
    this.callbackBaseUrl = uri;
    return this;
  }

  /**
   * The media WebSocket ({@code wss://…}) sent as {@code websocket_url}, for an {@code appid} whose
   * flow streams audio (SansPBX ignored the name {@code audio_ws_url} in one integration).
   * Optional; without it none is sent.
   */
  public SansPbxProviderBuilder websocketUrl(String url) {
    URI uri;
    try {
      uri = url == null ? null : new URI(url.trim());
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    String scheme =
        uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri == null || uri.getHost() == null || !(scheme.equals("wss") || scheme.equals("ws"))) {
      throw new InvalidConfigurationException("websocketUrl", url, "must be an absolute ws(s) URL");
    }
    this.websocketUrl = uri;
    return this;
  }

  /**
   * How {@code call_to} and {@code caller_id} are written, for every tenant without its own.
   * Default {@link SansPbxNumberFormats#DEFAULT}: {@code call_to} as {@code 0} + 10 digits, {@code
   * caller_id} as the last 7 digits (the DID).
   */
  public SansPbxProviderBuilder numberFormats(SansPbxNumberFormats formats) {
    if (formats == null) {
      throw new InvalidConfigurationException("numberFormats", null, "must not be null");
    }
    this.numberFormats = formats;
    return this;
  }

  /** How {@code call_to} and {@code caller_id} are written for the calls of {@code tenant}. */
  public SansPbxProviderBuilder numberFormats(TenantId tenant, SansPbxNumberFormats formats) {
    if (tenant == null) {
      throw new InvalidConfigurationException("numberFormats.tenant", null, "must not be null");
    }
    if (formats == null) {
      throw new InvalidConfigurationException("numberFormats", null, "must not be null");
    }
    tenantNumberFormats.put(tenant, formats);
    return this;
  }

  /** Where {@code status_callback} goes; default {@link #DEFAULT_CALLBACK_PLACEMENT}. */
  public SansPbxProviderBuilder callbackPlacement(CallbackPlacement placement) {
    if (placement == null) {
      throw new InvalidConfigurationException("callbackPlacement", null, "must not be null");
    }
    this.callbackPlacement = placement;
    return this;
  }

  /**
   * Whether the webhook's {@code Linkedid} is the {@code callid} that {@code dialcall} returned, so
   * that Dialkit may check it against the call. Default {@code false}: one client treats it so, but
   * SansPBX's media events name calls by Asterisk ids ({@code 1728505015.6351}) unlike {@code
   * dialcall}'s ({@code api-<appid>-<number>-<ms>}); if they differ, every webhook would be refused
   * as another call's. The callback URL names the call either way.
   */
  public SansPbxProviderBuilder linkedIdIsCallId(boolean linkedIdIsCallId) {
    this.linkedIdIsCallId = linkedIdIsCallId;
    return this;
  }

  /**
   * The client requests go through. Default: one per provider, connect timeout {@link
   * #DEFAULT_CONNECT_TIMEOUT}. Set a connect timeout on your own: only a connect timeout tells "not
   * sent" (retryable) from "no answer" (ambiguous).
   */
  public SansPbxProviderBuilder httpClient(HttpClient client) {
    this.httpClient = ProviderSettings.httpClient(client);
    return this;
  }

  /** How long to wait for SansPBX; past it a dial is ambiguous. 100 ms to 5 min, default 15 s. */
  public SansPbxProviderBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = ProviderSettings.requestTimeout(timeout);
    return this;
  }

  /** The account's calls per second, which Dialkit keeps to. Over 0, at most 1000; default 1. */
  public SansPbxProviderBuilder callsPerSecond(double cps) {
    this.callsPerSecond = ProviderSettings.callsPerSecond(cps);
    return this;
  }

  /** The zone of {@code expiry_time}, which carries none. Default Asia/Kolkata. */
  public SansPbxProviderBuilder timeZone(ZoneId zone) {
    if (zone == null) {
      throw new InvalidConfigurationException("timeZone", null, "must not be null");
    }
    this.timeZone = zone;
    return this;
  }

  /** How long before its expiry a token is replaced: 0 to 1 h, default 60 s. */
  public SansPbxProviderBuilder tokenRefreshMargin(Duration margin) {
    this.tokenRefreshMargin =
        range("tokenRefreshMargin", margin, Duration.ZERO, Duration.ofHours(1));
    return this;
  }

  /**
   * How long a token is kept when its {@code expiry_time} is missing, unreadable or already past by
   * this provider's clock: 1 s to 24 h, default 5 min. A token SansPBX refuses earlier is replaced.
   */
  public SansPbxProviderBuilder tokenFallbackLifetime(Duration lifetime) {
    this.tokenFallbackLifetime =
        range("tokenFallbackLifetime", lifetime, Duration.ofSeconds(1), Duration.ofHours(24));
    return this;
  }

  /** The clock token expiry is judged by. Default the system clock. */
  public SansPbxProviderBuilder clock(Clock clock) {
    if (clock == null) {
      throw new InvalidConfigurationException("clock", null, "must not be null");
    }
    this.clock = clock;
    return this;
  }

  /**
   * The provider's name in Dialkit. Letters, digits and {@code -}; default {@value #DEFAULT_NAME}.
   */
  public SansPbxProviderBuilder name(String name) {
    this.name = ProviderSettings.name(name);
    return this;
  }

  /**
   * @throws InvalidConfigurationException if {@code apiUrl}, {@code accessToken}, {@code accessKey}
   *     or {@code callbackBaseUrl} is missing
   */
  public SansPbxProvider build() {
    if (apiUrl == null) {
      throw new InvalidConfigurationException("apiUrl", null, "is required");
    }
    if (accessToken == null) {
      throw new InvalidConfigurationException("accessToken", null, "is required");
    }
    if (accessKey == null) {
      throw new InvalidConfigurationException("accessKey", null, "is required");
    }
    if (callbackBaseUrl == null) {
      throw new InvalidConfigurationException("callbackBaseUrl", null, "is required");
    }
    return new SansPbxProvider(this);
  }

  private static String secret(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidConfigurationException(
          field, value == null ? null : "<blank>", "must not be blank");
    }
    return value;
  }

  private static Duration range(String field, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidConfigurationException(
          field, value, "must be between " + min + " and " + max);
    }
    return value;
  }
}
