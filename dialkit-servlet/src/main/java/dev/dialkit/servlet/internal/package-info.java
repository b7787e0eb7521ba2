/**
 * The parts of {@link dev.dialkit.servlet.WebhookServlet}. No compatibility promise: anything here
 * may change in any release. Use {@link dev.dialkit.servlet.WebhookServlet} and {@link
 * dev.dialkit.servlet.ServletWebhookRequests}.
 */
package dev.dialkit.servlet.internal;
