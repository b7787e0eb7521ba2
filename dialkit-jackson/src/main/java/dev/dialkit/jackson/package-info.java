/**
 * Dialkit's JSON for Jackson: {@link dev.dialkit.jackson.DialkitJacksonModule}. Ids as strings,
 * phone numbers masked unless revealed, events and progress as flat objects, dates as ISO-8601
 * whatever the host mapper does with its own.
 */
package dev.dialkit.jackson;
