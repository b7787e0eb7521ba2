/**
 * The implementation of {@code MongoCampaignStore}: document mapping, the slot ledger, the outbox
 * that makes multi-document changes repairable, index management and error mapping.
 *
 * <p>Internal: no compatibility promise. Anything here may change in any release.
 */
package dev.dialkit.store.mongo.internal;
