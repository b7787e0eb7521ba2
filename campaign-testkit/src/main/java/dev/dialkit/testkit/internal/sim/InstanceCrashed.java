package dev.dialkit.testkit.internal.sim;

/**
 * Thrown inside a simulated instance at the moment it is killed: an {@link Error}, so no {@code
 * catch (RuntimeException)} in Dialkit swallows it and the dying task unwinds at once. Anything the
 * dead instance still tries (a {@code finally}, a late callback) meets it again.
 */
public final class InstanceCrashed extends Error {
  private static final long serialVersionUID = 1L;

  InstanceCrashed(String instance) {
    super(instance + " was killed", null, false, false);
  }
}
