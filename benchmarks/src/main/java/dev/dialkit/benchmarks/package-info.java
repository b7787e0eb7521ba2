/**
 * Scenario benchmarks, run as plain mains on virtual time. {@link
 * dev.dialkit.benchmarks.SlidingWindowBenchmark} dials one campaign with Dialkit's executor and
 * with the lockstep batch algorithm against identical simulated providers, and prints slot
 * utilisation, makespan and Dialkit's in-process refill latency. Nothing here is asserted:
 * benchmarks are not tests.
 */
package dev.dialkit.benchmarks;
