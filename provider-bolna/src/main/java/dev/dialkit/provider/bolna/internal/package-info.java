/**
 * The Bolna provider's implementation: REST plumbing, error mapping, the status and hangup-reason
 * tables, and the parsing of execution objects (webhooks and {@code GET /executions/{id}}). No
 * compatibility promise: anything here may change in any release.
 */
package dev.dialkit.provider.bolna.internal;
