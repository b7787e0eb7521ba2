/**
 * The SansPBX provider's implementation: the token cache, REST plumbing, error mapping, the
 * disposition table and the parsing of the post-call webhook. No compatibility promise: anything
 * here may change in any release.
 */
package dev.dialkit.provider.sanspbx.internal;
