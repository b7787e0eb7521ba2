/**
 * The JDBC store's implementation. No compatibility promise: anything here may change in any
 * release. Use {@link dev.dialkit.store.jdbc.JdbcCampaignStore}.
 */
package dev.dialkit.store.jdbc.internal;
