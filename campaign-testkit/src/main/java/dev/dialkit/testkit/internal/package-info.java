/**
 * The test kit's implementation details. No compatibility promise: anything here may change in any
 * release. Use the types of {@code dev.dialkit.testkit}.
 */
package dev.dialkit.testkit.internal;
