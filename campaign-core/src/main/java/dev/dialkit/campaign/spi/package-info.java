/**
 * What plug-ins implement: {@link dev.dialkit.campaign.spi.CallProvider} for a telephony provider,
 * {@link dev.dialkit.campaign.spi.CampaignStore} for a database, {@link
 * dev.dialkit.campaign.spi.TaskScheduler} for the threads Dialkit runs on. Each interface's javadoc
 * states the whole contract; the {@code campaign-testkit} module holds the suites that check it.
 *
 * <p>Helpers for a provider's webhook handling: {@link dev.dialkit.campaign.spi.FormFields} (one
 * strict form decoding for the signature check and the parser), {@link
 * dev.dialkit.campaign.spi.WebhookUrls} (the URL the provider called, behind a proxy), {@link
 * dev.dialkit.campaign.spi.Untrusted} (values from outside, made safe to echo) and the range
 * predicates of {@link dev.dialkit.campaign.spi.CallStatusUpdate}.
 */
package dev.dialkit.campaign.spi;
