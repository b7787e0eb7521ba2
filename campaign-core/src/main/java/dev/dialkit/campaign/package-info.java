/**
 * Dialkit's public API: {@link dev.dialkit.campaign.CampaignDialer} and the values it takes and
 * returns. Plug-in interfaces are in {@code dev.dialkit.campaign.spi}.
 */
package dev.dialkit.campaign;
