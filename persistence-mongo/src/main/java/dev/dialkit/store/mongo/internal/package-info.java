/**
 * The implementation of {@code MongoCampaignStore}: document mapping, the slot ledger, the outbox
 * that makes multi-document changes repairable, the counter shards that apply each outbox's deltas
 * once, fenced dial permits, lease epochs, lead inserts fenced against completion, the repair,
 * index management and error mapping. {@code Switches} and {@code Seams} are for directed tests
 * only.
 *
 * <p>Internal: no compatibility promise. Anything here may change in any release.
 */
package dev.dialkit.store.mongo.internal;
