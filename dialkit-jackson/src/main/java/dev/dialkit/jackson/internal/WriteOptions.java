package dev.dialkit.jackson.internal;

/**
 * How the module writes what it writes.
 *
 * @param revealPhoneNumbers write full numbers and the raw text that holds them
 */
public record WriteOptions(boolean revealPhoneNumbers) {}
