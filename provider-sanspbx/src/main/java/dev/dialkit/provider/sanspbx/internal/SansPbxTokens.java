package dev.dialkit.provider.sanspbx.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dialkit.campaign.FailureReason;
import dev.dialkit.campaign.ProviderException;
import dev.dialkit.campaign.spi.ProviderHttp;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cached {@code Apitoken}. One token at a time, shared by every request: it is generated when
 * none is cached or the cached one expires within the refresh margin, and generated afresh once
 * when SansPBX refuses it (401). Callers arriving while a generation is under way wait for that
 * one: concurrent requests never generate two tokens. A failed generation is not cached; the next
 * caller tries again.
 *
 * <p>{@code expiry_time} ({@code yyyy-MM-dd HH:mm:ss}, no zone) is read in the configured zone; a
 * token without a readable expiry, or one that has already expired by this clock (a zone set
 * wrong), is kept for the fallback lifetime and replaced earlier if SansPBX refuses it.
 *
 * <p>A failed generation means the request that needed the token was never sent, so it fails
 * retryable, except when SansPBX refuses the credentials (401, 403, or an answer without a token):
 * permanent {@link FailureReason#ACCOUNT_OR_PERMISSION}. The token is a secret: it is in no
 * message, log line or {@code toString}.
 */
public final class SansPbxTokens {
  private static final Logger log = LoggerFactory.getLogger(SansPbxTokens.class);
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  /** A token and the instant from which it is no longer used. */
  public record Token(String value, Instant refreshAt) {
    @Override
    public String toString() {
      return "Token[refreshAt=" + refreshAt + "]";
    }
  }

  private final String provider;
  private final Supplier<CompletableFuture<HttpResponse<String>>> generator;
  private final Clock clock;
  private final ZoneId zone;
  private final Duration margin;
  private final Duration fallbackLifetime;
  private final AtomicReference<CompletableFuture<Token>> current = new AtomicReference<>();

  /**
   * @param generator sends one {@code gentoken} request
   * @param margin how long before its expiry a token is replaced
   * @param fallbackLifetime how long a token without a usable expiry is kept
   */
  public SansPbxTokens(
      String provider,
      Supplier<CompletableFuture<HttpResponse<String>>> generator,
      Clock clock,
      ZoneId zone,
      Duration margin,
      Duration fallbackLifetime) {
    this.provider = provider;
    this.generator = generator;
    this.clock = clock;
    this.zone = zone;
    this.margin = margin;
    this.fallbackLifetime = fallbackLifetime;
  }

  /** A token good now: the cached one, the one being generated, or a new one. */
  public CompletableFuture<Token> token() {
    while (true) {
      CompletableFuture<Token> cached = current.get();
      if (cached != null && (!cached.isDone() || usable(cached))) {
        return cached;
      }
      CompletableFuture<Token> mine = new CompletableFuture<>();
      if (current.compareAndSet(cached, mine)) {
        generate(mine);
        return mine;
      }
    }
  }

  /**
   * A token other than {@code refused}, which SansPBX just answered 401 to: a new one, unless
   * another caller already replaced it (then that one).
   */
  public CompletableFuture<Token> replace(Token refused) {
    while (true) {
      CompletableFuture<Token> cached = current.get();
      boolean stale =
          cached == null
              || (cached.isDone() && (!usable(cached) || cached.getNow(null) == refused));
      if (!stale) {
        return cached;
      }
      CompletableFuture<Token> mine = new CompletableFuture<>();
      if (current.compareAndSet(cached, mine)) {
        log.debug("SansPBX refused the cached token; generating a new one");
        generate(mine);
        return mine;
      }
    }
  }

  private boolean usable(CompletableFuture<Token> done) {
    if (done.isCompletedExceptionally()) {
      return false;
    }
    Token t = done.getNow(null);
    return t != null && clock.instant().isBefore(t.refreshAt());
  }

  private void generate(CompletableFuture<Token> target) {
    generator
        .get()
        .thenApply(this::read)
        .whenComplete(
            (token, error) -> {
              if (error != null) {
                target.completeExceptionally(notSent(error));
              } else {
                target.complete(token);
              }
            });
  }

  /**
   * A token request that got no answer creates nothing, so even when it may have reached SansPBX
   * the request that needed the token was not sent: retryable, never ambiguous.
   */
  private ProviderException notSent(Throwable error) {
    ProviderException e = ProviderHttp.transportFailure(provider, "generate token", error);
    if (!e.isAmbiguous()) {
      return e;
    }
    return new ProviderException(
        provider,
        "generate token got no response; nothing was dialed",
        0,
        null,
        FailureReason.PROVIDER_ERROR,
        true,
        false,
        e.getCause());
  }

  private Token read(HttpResponse<String> response) {
    JsonNode json = SansPbxJson.readOrNull(response.body());
    int status = response.statusCode();
    String token = SansPbxJson.firstScalar(json, "Apitoken", "data.Apitoken", "apitoken");
    if (status / 100 != 2 || token == null) {
      throw refused(status, json, response.body());
    }
    Instant now = clock.instant();
    Instant expiry = expiry(SansPbxJson.firstScalar(json, "expiry_time", "data.expiry_time"));
    Instant refreshAt = expiry == null ? null : expiry.minus(margin);
    if (refreshAt == null || !refreshAt.isAfter(now)) {
      refreshAt = now.plus(fallbackLifetime);
    }
    log.debug("SansPBX token generated; used until {}", refreshAt);
    return new Token(token, refreshAt);
  }

  private ProviderException refused(int status, JsonNode json, String body) {
    String message = SansPbxErrors.message(body, json);
    String what =
        "generate token failed"
            + (message == null ? "" : ": " + ProviderHttp.maskDigits(message))
            + "; nothing was dialed";
    if (status == 429) {
      return new ProviderException(
          provider, what, status, null, FailureReason.RATE_LIMITED, true, false, null);
    }
    if (status == 401 || status == 403 || status / 100 == 2) {
      return new ProviderException(
          provider, what, status, null, FailureReason.ACCOUNT_OR_PERMISSION, false, false, null);
    }
    // a token request creates nothing: whatever else went wrong, the call was not placed
    return new ProviderException(
        provider, what, status, null, FailureReason.PROVIDER_ERROR, true, false, null);
  }

  private Instant expiry(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(text, EXPIRY).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }
}
