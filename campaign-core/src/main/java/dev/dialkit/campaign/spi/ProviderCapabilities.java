package dev.dialkit.campaign.spi;

/**
 * What a provider can do beyond placing calls and parsing webhooks.
 *
 * @param hangUp it can end a call in progress ({@link CallProvider#hangUp})
 * @param statusQuery it can report a call's status on request ({@link CallProvider#queryStatus})
 * @param machineDetection it can detect answering machines
 * @param recording it can record calls
 * @param progressEvents it reports ringing and answered, not only the end (SansPBX does not)
 */
public record ProviderCapabilities(
    boolean hangUp,
    boolean statusQuery,
    boolean machineDetection,
    boolean recording,
    boolean progressEvents) {}
