/**
 * Dialkit's implementation. No compatibility promise: anything here may change in any release. Use
 * the interfaces of {@code dev.dialkit.campaign} and {@code dev.dialkit.campaign.spi}.
 */
package dev.dialkit.campaign.internal;
