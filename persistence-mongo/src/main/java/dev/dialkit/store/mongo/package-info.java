/**
 * {@code MongoCampaignStore}: not implemented yet (issue 6). It will implement the {@code
 * CampaignStore} contract with single-document atomic updates ({@code findOneAndUpdate},
 * conditional {@code $inc}) and unique indexes for idempotency.
 */
package dev.dialkit.store.mongo;
