/**
 * {@link dev.dialkit.store.mongo.MongoCampaignStore}: the {@code CampaignStore} on MongoDB, with
 * single-document atomic updates ({@code findOneAndUpdate}, conditional {@code $inc}), unique
 * indexes for idempotency, and a repair for what a crash between two writes may leave.
 */
package dev.dialkit.store.mongo;
