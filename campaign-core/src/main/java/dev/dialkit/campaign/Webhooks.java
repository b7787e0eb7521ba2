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
   * Verifies, parses and applies one callback. Never throws for bad input: a forged signature gets
   * 403, a malformed body 400, an oversized body 413, an unknown call 404; in each case nothing is
   * changed and the rejection is logged without phone numbers. A duplicate or late update gets 200
   * (so the provider stops redelivering) and is recorded in the call log as ignored.
   *
   * @throws StoreException if the store failed; the host should answer 5xx so the provider retries
   */
  WebhookResponse handle(WebhookRequest request);
}
