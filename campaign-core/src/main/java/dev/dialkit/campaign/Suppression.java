package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;
import java.time.Instant;

/**
 * A number of a tenant that must not be called, in any of its campaigns, whoever imports it again.
 *
 * @param tenant the tenant whose list it is on
 * @param phone the number
 * @param source where the entry came from
 * @param reason a short note (at most {@value #MAX_REASON_LENGTH} characters, one line), or {@code
 *     null}
 * @param callId the call during which the person opted out, or {@code null}
 * @param createdAt when it was added (re-adding a number replaces its entry)
 */
public record Suppression(
    TenantId tenant,
    PhoneNumber phone,
    SuppressionSource source,
    String reason,
    CallId callId,
    Instant createdAt) {
  /** The longest reason kept. */
  public static final int MAX_REASON_LENGTH = 500;

  public Suppression {
    if (tenant == null || phone == null || source == null || createdAt == null) {
      throw new InvalidConfigurationException(
          "suppression", "null", "tenant, phone, source and createdAt are required");
    }
    if (reason != null) {
      reason = reason.strip();
      TextRules.Problem problem = TextRules.line(reason, MAX_REASON_LENGTH);
      if (problem != null) {
        throw problem.config("suppression.reason");
      }
      reason = reason.isEmpty() ? null : reason;
    }
  }

  @Override
  public String toString() {
    // the number is personal data: only its masked form goes to logs
    return "Suppression["
        + tenant
        + ", "
        + phone.masked()
        + ", "
        + source
        + ", "
        + Untrusted.quote(reason)
        + "]";
  }
}
