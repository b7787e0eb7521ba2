/**
 * CSV import of leads and do-not-call entries: header mapping, row parsing, batching, the report
 * and its spool. Internal: no compatibility promise.
 */
package dev.dialkit.campaign.internal.csv;
