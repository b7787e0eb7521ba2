/**
 * Twilio Programmable Voice {@code CallProvider}: not implemented yet (issue 7). It will place
 * calls through {@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json}, verify {@code
 * X-Twilio-Signature} and map Twilio's status callbacks onto Dialkit's call state machine.
 */
package dev.dialkit.provider.twilio;
