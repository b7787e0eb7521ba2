/**
 * Plivo Voice {@code CallProvider}: not implemented yet (issue 8). It will place calls through
 * {@code POST /v1/Account/{auth_id}/Call/}, verify {@code X-Plivo-Signature-V3} and learn the call
 * UUID from the first callback.
 */
package dev.dialkit.provider.plivo;
