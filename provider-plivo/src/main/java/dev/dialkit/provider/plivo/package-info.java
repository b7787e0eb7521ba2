/**
 * Plivo Voice. Here now: {@link dev.dialkit.provider.plivo.PlivoSignatureV3}, which verifies the
 * {@code X-Plivo-Signature-V3} (and optionally {@code X-Plivo-Signature-Ma-V3}) headers of Plivo's
 * webhooks, behind a proxy and with or without the port.
 *
 * <p>Coming in issue 8: the {@code CallProvider}, which will place calls through {@code POST
 * /v1/Account/{auth_id}/Call/}, verify webhooks with {@code PlivoSignatureV3} and learn the call
 * UUID from the first callback.
 */
package dev.dialkit.provider.plivo;
