package dev.dialkit.campaign.spi;

import dev.dialkit.campaign.CallId;
import dev.dialkit.campaign.CallLogEntry;
import dev.dialkit.campaign.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * A request for the permit to send a call's create request to the provider, asked of the store
 * right before the send, after every delay (pre-dial hooks, rate limiter, retry backoff).
 *
 * @param tenant the call's tenant
 * @param callId the call to send
 * @param owner the dialer instance that claimed the call and asks to send it
 * @param epoch the epoch of the campaign lease the owner holds ({@link Lease#epoch()})
 * @param now the owner's clock: the lease must be held at this instant, and the call's {@code
 *     sentAt} becomes this instant
 * @param previousSentAt {@code null} for the first send of the call; for a resend after a failure
 *     the provider certainly did not act on (a refused connection, HTTP 429), the {@code sentAt} of
 *     the permit that send used: the store grants a resend only if the call still carries it
 * @param log entries appended to the call log together with the grant (none on a denial)
 */
public record PermitRequest(
    TenantId tenant,
    CallId callId,
    String owner,
    long epoch,
    Instant now,
    Instant previousSentAt,
    List<CallLogEntry> log) {
  public PermitRequest {
    if (tenant == null || callId == null || owner == null || now == null) {
      throw new IllegalArgumentException("permit tenant, call, owner and now are required");
    }
    if (epoch < 1) {
      throw new IllegalArgumentException("permit epoch must be >= 1, was " + epoch);
    }
    log = log == null ? List.of() : List.copyOf(log);
  }
}
