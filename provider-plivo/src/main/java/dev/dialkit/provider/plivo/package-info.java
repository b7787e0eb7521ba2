/**
 * Plivo Voice for Dialkit.
 *
 * <ul>
 *   <li>{@link dev.dialkit.provider.plivo.PlivoProvider}, built with {@link
 *       dev.dialkit.provider.plivo.PlivoProviderBuilder}: places calls through {@code POST
 *       /v1/Account/{auth_id}/Call/} (JSON), records the {@code request_uuid} and learns the {@code
 *       CallUUID} from the first callback, maps Plivo's errors to retryable, ambiguous or permanent
 *       {@link dev.dialkit.campaign.ProviderException}s, verifies and parses ring, hangup and
 *       machine-detection callbacks with Plivo's hangup-cause table, cancels requests and hangs up
 *       calls, answers status queries from live calls and call records, and reconciles an ambiguous
 *       create by destination and caller id in the queued, live and ended call lists.
 *   <li>{@link dev.dialkit.provider.plivo.PlivoSignatureV3}: verifies {@code X-Plivo-Signature-V3}
 *       and {@code X-Plivo-Signature-Ma-V3} (several signatures, the nonce, with and without the
 *       port, behind a proxy).
 * </ul>
 *
 * <p>A thin client over {@code java.net.http}: no Plivo SDK, no static state, credentials per
 * instance, and no retries of its own (plivo-java re-sends a create to its fallback URLs after a
 * 5xx, which can place a call twice). Everything in {@code dev.dialkit.provider.plivo.internal}
 * carries no compatibility promise.
 */
package dev.dialkit.provider.plivo;
