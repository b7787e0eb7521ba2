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
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // a Mac is not thread-safe: one per token
      mac.init(key);
      byte[] digest =
          mac.doFinal((tenant.value() + ":" + call.value()).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
    }
  }

  boolean verify(TenantId tenant, CallId call, String token) {
    return token != null
        && MessageDigest.isEqual(
            token(tenant, call).getBytes(StandardCharsets.US_ASCII),
            token.getBytes(StandardCharsets.US_ASCII));
  }
}
