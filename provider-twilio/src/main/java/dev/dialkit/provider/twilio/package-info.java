/**
 * Twilio Programmable Voice for Dialkit.
 *
 * <ul>
 *   <li>{@link dev.dialkit.provider.twilio.TwilioProvider}, built with {@link
 *       dev.dialkit.provider.twilio.TwilioProviderBuilder}: places calls through {@code POST
 *       /2010-04-01/Accounts/{AccountSid}/Calls.json}, maps Twilio's errors to retryable, ambiguous
 *       or permanent {@link dev.dialkit.campaign.ProviderException}s, verifies and parses status
 *       and async AMD callbacks, cancels and hangs up calls, and answers status queries (also for a
 *       call whose create request failed ambiguously, by listing recent calls between the two
 *       numbers).
 *   <li>{@link dev.dialkit.provider.twilio.TwilioSignature}: verifies the {@code
 *       X-Twilio-Signature} header (form, GET and JSON bodies, behind a proxy, with and without the
 *       default port).
 * </ul>
 *
 * <p>A thin client over {@code java.net.http}: no Twilio SDK, no static state, credentials per
 * instance, and no retries of its own (twilio-java re-sends a POST after a 5xx, which can place a
 * call twice). Everything in {@code dev.dialkit.provider.twilio.internal} carries no compatibility
 * promise.
 */
package dev.dialkit.provider.twilio;
