package dev.dialkit.campaign.spi;

/**
 * What a provider can do beyond placing calls and parsing webhooks.
 *
 * @param hangUp it can end a call in progress ({@link CallProvider#hangUp})
 * @param statusQuery it can report a call's status on request ({@link CallProvider#queryStatus})
 * @param machineDetection it can detect answering machines
 * @param recording it can record calls
 * @param progressEvents it reports ringing and answered, not only the end (SansPBX does not)
 * @param signsWebhooks it signs its webhooks and {@link CallProvider#parseWebhook} verifies them;
 *     for a provider that signs nothing (SansPBX, Bolna) Dialkit signs its own callback URLs with
 *     the dialer's callback secret and checks that token before the provider parses anything
 * @param perCallCallbacks it takes a callback URL with each call (and so Dialkit's call id and, for
 *     a provider that signs nothing, the call's token). A provider without (Bolna: one webhook URL
 *     per agent, set at the provider) finds calls by its own call id within the tenant the URL
 *     names; if it signs nothing, its URL carries a token for the tenant and provider instead
 *     ({@link dev.dialkit.campaign.Webhooks#providerWebhookUrl})
 */
public record ProviderCapabilities(
    boolean hangUp,
    boolean statusQuery,
    boolean machineDetection,
    boolean recording,
    boolean progressEvents,
    boolean signsWebhooks,
    boolean perCallCallbacks) {

  /** Capabilities of a provider that takes a callback URL with each call. */
  public ProviderCapabilities(
      boolean hangUp,
      boolean statusQuery,
      boolean machineDetection,
      boolean recording,
      boolean progressEvents,
      boolean signsWebhooks) {
    this(hangUp, statusQuery, machineDetection, recording, progressEvents, signsWebhooks, true);
  }
}
