/**
 * Twilio Programmable Voice. Here now: {@link dev.dialkit.provider.twilio.TwilioSignature}, which
 * verifies the {@code X-Twilio-Signature} header of Twilio's webhooks (form, GET and JSON bodies,
 * behind a proxy, with and without the default port).
 *
 * <p>Coming in issue 7: the {@code CallProvider}, which will place calls through {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Calls.json}, verify webhooks with {@code TwilioSignature} and
 * map Twilio's status callbacks onto Dialkit's call state machine.
 */
package dev.dialkit.provider.twilio;
