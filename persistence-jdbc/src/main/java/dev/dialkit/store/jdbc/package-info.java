/**
 * {@link dev.dialkit.store.jdbc.JdbcCampaignStore}: the {@code CampaignStore} contract on
 * PostgreSQL, MariaDB 10.6+ / MySQL 8 and H2 2.x, with claims by {@code SELECT ... FOR UPDATE SKIP
 * LOCKED}, concurrency slots as guarded counters taken in the claim transaction, and versioned SQL
 * migrations per dialect shipped in the jar ({@link
 * dev.dialkit.store.jdbc.JdbcCampaignStore#migrate()} or the host's Flyway).
 */
package dev.dialkit.store.jdbc;
