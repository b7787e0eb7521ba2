package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the callback URLs of providers that sign nothing: the token is
 * Base64url(HMAC-SHA256(secret, tenant + ":" + callId)), so a webhook can only name a call whose
 * URL Dialkit handed out. Compared in constant time.
 */
final class CallbackSigner {
  private final SecretKeySpec key;

  CallbackSigner(String secret) {
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  String token(TenantId tenant, CallId call) {
    return mac(tenant.value() + ":" + call.value());
  }

  private String mac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // a Mac is not thread-safe: one per token
      mac.init(key);
      byte[] digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  private static boolean same(String expected, String token) {
    return token != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            token.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The token of a tenant's webhook URL for a provider without per-call callback URLs:
   * Base64url(HMAC-SHA256(secret, "provider-webhook|" + tenant + "|" + provider)). Neither id may
   * hold {@code |} or the {@code :} of a call token's message in that place, so the two kinds of
   * token never sign the same message.
   */
  String providerToken(TenantId tenant, String provider) {
    return mac("provider-webhook|" + tenant.value() + "|" + provider);
  }

  boolean verifyProvider(TenantId tenant, String provider, String token) {
    return same(providerToken(tenant, provider), token);
  }

  boolean verify(TenantId tenant, CallId call, String token) {
    return same(token(tenant, call), token);
  }
}
