package dev.baton.scheduler;

/**
 * Thrown from a hook into a managed thread to unwind it when its schedule has ended (a failure was
 * found elsewhere). An {@link Error} so that ordinary {@code catch (Exception e)} does not stop it.
 */
final class BatonAbort extends Error {
  private static final long serialVersionUID = 1L;

  BatonAbort() {
    super("Baton ended this schedule", null, false, false);
  }
}
