package dev.dialkit.campaign;

/**
 * The entry point for providers' status callbacks. The host's controller passes every request it
 * receives on its webhook route and answers with the response it gets back.
 */
public interface Webhooks {
  /** The query parameter carrying Dialkit's call id in every callback URL. */
  String CALL_PARAMETER = "dialkit_call";

  /** The query parameter carrying the call's tenant in every callback URL. */
  String TENANT_PARAMETER = "dialkit_tenant";

  /** The query parameter naming the provider in every callback URL. */
  String PROVIDER_PARAMETER = "dialkit_provider";

  /**
   * The query parameter carrying Dialkit's own signature of the call, in the callback URLs of
   * providers that do not sign their webhooks.
   */
  String TOKEN_PARAMETER = "dialkit_token";

  /**
   * Verifies, parses and applies one callback, and never throws, whatever the request:
   *
   * <ul>
   *   <li>200: applied, or a duplicate or late update (recorded in the call log as ignored), so the
   *       provider stops sending it;
   *   <li>403: a missing, forged or altered signature, or a callback URL Dialkit did not make; the
   *       signature is checked on the raw request before anything in the body is decoded;
   *   <li>400: a body that cannot be parsed, a required field missing, or a value out of range
   *       (timestamps from 2000 to 2200, durations up to 7 days: see {@code CallStatusUpdate});
   *   <li>404: no such call for the tenant and provider the URL names, or a body whose provider
   *       call id is another call's; 404 too for a provider this dialer does not have;
   *   <li>413: a body over {@code maxWebhookBodyBytes};
   *   <li>503 or 500: the store failed (transient or not), or an unexpected failure: answer it as
   *       given, so that the provider sends the webhook again.
   * </ul>
   *
   * <p>On every answer but 200 nothing was changed. Rejections are logged without phone numbers,
   * and every value from the request is escaped (control characters) and capped before it reaches a
   * log line or the response body.
   */
  WebhookResponse handle(WebhookRequest request);

  /**
   * The webhook URL to set at a provider that takes no callback URL per call (Bolna: one webhook
   * URL per agent): {@code base} (the host's webhook route, as it is reachable from the provider)
   * with the provider, the tenant and, for a provider that signs nothing, Dialkit's token for this
   * tenant and provider. Calls are then found by the provider's call id within that tenant only.
   * Keep the dialer's callback secret stable: the token is derived from it.
   *
   * @throws InvalidConfigurationException if the dialer has no such provider, an argument is null,
   *     or the provider signs nothing and the dialer has no callback secret
   */
  default java.net.URI providerWebhookUrl(java.net.URI base, TenantId tenant, String provider) {
    throw new UnsupportedOperationException("this Webhooks does not make provider webhook URLs");
  }
}
