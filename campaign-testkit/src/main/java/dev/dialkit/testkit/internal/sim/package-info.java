/**
 * The fault simulator's machinery behind {@link dev.dialkit.testkit.FaultSimulation}: the world
 * that drives several dialer instances task by task on one virtual clock, the faulty store and
 * provider views each instance gets, the operator, and the invariant checks. Internal: no
 * compatibility promise.
 */
package dev.dialkit.testkit.internal.sim;
