/**
 * The Plivo provider's implementation: REST plumbing, error mapping, the hangup-cause table, and
 * the parsing of callbacks and Call resources. No compatibility promise: anything here may change
 * in any release.
 */
package dev.dialkit.provider.plivo.internal;
