/**
 * Dialkit's test kit: a {@link dev.dialkit.testkit.VirtualClock}, a {@link
 * dev.dialkit.testkit.ManualScheduler} that runs delayed work only when a test drives it, and a
 * seeded {@link dev.dialkit.testkit.SimulatedCallProvider} that behaves like a real telephony
 * provider. Together they run a whole campaign of thousands of calls with realistic durations in
 * milliseconds of wall-clock time, deterministically from a seed.
 *
 * <p>The compliance suites: {@link dev.dialkit.testkit.CampaignStoreContract} for stores and {@link
 * dev.dialkit.testkit.CallProviderContract} for providers, which a provider module runs against a
 * fake of its provider's HTTP API through a {@link dev.dialkit.testkit.ProviderFixture} (the
 * testkit itself depends on no HTTP mock).
 *
 * <p>The fault simulator, {@link dev.dialkit.testkit.FaultSimulation}: several dialer instances on
 * one store under a seeded {@link dev.dialkit.testkit.FaultPlan} (freezes, crashes, store failures
 * before and after commit, outages, webhook faults, clock skew, an operator), checked after each
 * run against Dialkit's exactly-once guarantees from the simulated provider's own record ({@link
 * dev.dialkit.testkit.SimulatedCallProvider#requests()}, {@link
 * dev.dialkit.testkit.SimulatedCallProvider#calls()}). A store module runs it over many seeds.
 *
 * <p>Everything in this package is public API. Helpers in {@code dev.dialkit.testkit.internal}
 * carry no compatibility promise.
 */
package dev.dialkit.testkit;
