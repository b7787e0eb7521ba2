/**
 * The starter's implementation: no compatibility promise, any class here may change or go in any
 * release. Use the auto-configuration, the properties and {@link
 * dev.dialkit.spring.boot.DialkitDialerCustomizer} instead.
 */
package dev.dialkit.spring.boot.internal;
