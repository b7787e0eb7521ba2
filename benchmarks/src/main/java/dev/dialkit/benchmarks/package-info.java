/**
 * Benchmarks: not written yet (issue 3). They will run a 10,000-lead scenario in virtual time and
 * print slot utilisation, makespan and refill latency next to the lockstep batch algorithm.
 */
package dev.dialkit.benchmarks;
