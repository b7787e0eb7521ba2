/**
 * The Twilio provider's implementation: form encoding, error mapping, and the parsing of status
 * callbacks and Call resources. No compatibility promise: anything here may change in any release.
 */
package dev.dialkit.provider.twilio.internal;
