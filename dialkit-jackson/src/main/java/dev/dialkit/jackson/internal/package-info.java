/**
 * The serializers behind {@link dev.dialkit.jackson.DialkitJacksonModule}. No compatibility
 * promise: anything here may change in any release. Use the module.
 */
package dev.dialkit.jackson.internal;
