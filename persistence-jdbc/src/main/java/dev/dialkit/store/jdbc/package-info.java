/**
 * {@code JdbcCampaignStore}: not implemented yet (issue 5). It will implement the {@code
 * CampaignStore} contract on PostgreSQL, MariaDB/MySQL 8 and H2 with {@code SELECT ... FOR UPDATE
 * SKIP LOCKED} claims and versioned migrations per dialect.
 */
package dev.dialkit.store.jdbc;
