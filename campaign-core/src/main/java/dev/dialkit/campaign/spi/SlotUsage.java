package dev.dialkit.campaign.spi;

/**
 * Slots held now.
 *
 * @param global held across the whole store
 * @param tenant held by the tenant asked about
 * @param campaign held by the campaign asked about
 */
public record SlotUsage(int global, int tenant, int campaign) {}
