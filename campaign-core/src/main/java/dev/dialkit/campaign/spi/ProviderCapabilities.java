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
 */
public record ProviderCapabilities(
    boolean hangUp,
    boolean statusQuery,
    boolean machineDetection,
    boolean recording,
    boolean progressEvents,
    boolean signsWebhooks) {}
