/**
 * Dialkit's test kit: a {@link dev.dialkit.testkit.VirtualClock}, a {@link
 * dev.dialkit.testkit.ManualScheduler} that runs delayed work only when a test drives it, and a
 * seeded {@link dev.dialkit.testkit.SimulatedCallProvider} that behaves like a real telephony
 * provider. Together they run a whole campaign of thousands of calls with realistic durations in
 * milliseconds of wall-clock time, deterministically from a seed.
 *
 * <p>Everything in this package is public API. Helpers in {@code dev.dialkit.testkit.internal}
 * carry no compatibility promise.
 */
package dev.dialkit.testkit;
