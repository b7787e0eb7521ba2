/**
 * What plug-ins implement: {@link dev.dialkit.campaign.spi.CallProvider} for a telephony provider,
 * {@link dev.dialkit.campaign.spi.CampaignStore} for a database, {@link
 * dev.dialkit.campaign.spi.TaskScheduler} for the threads Dialkit runs on. Each interface's javadoc
 * states the whole contract; the {@code campaign-testkit} module holds the suites that check it.
 */
package dev.dialkit.campaign.spi;
