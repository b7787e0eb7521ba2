/**
 * Dialkit's webhooks on Jakarta Servlet 6: {@link dev.dialkit.servlet.WebhookServlet} for any
 * container, {@link dev.dialkit.servlet.ServletWebhookRequests} for a framework with its own
 * routing.
 */
package dev.dialkit.servlet;
