package dev.baton.strategy;

import org.apiguardian.api.API;

/**
 * Told what each step of a schedule touches, for a policy that reasons about which steps commute
 * ({@link ExhaustivePolicy}'s partial-order reduction). A step (a transition) runs from the moment
 * a thread is given the baton to its next scheduling point. The scheduler calls it only when the
 * policy asks for it ({@link SchedulePolicy#observer()}), so the other strategies pay one null
 * check per step.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface TransitionObserver {

  /**
   * {@code chosen} got the baton at a scheduling point and now performs its pending operation
   * ({@link ThreadView#pendingObject} and the fields beside it); {@code decided} is false when it
   * was the only thread that could run (no choice was recorded).
   */
  void transition(ThreadView chosen, boolean decided);

  /**
   * {@code me} performs its pending operation ({@link ThreadView#pendingObject} and the fields
   * beside it, at {@link ThreadView#lastSite}) without a switch.
   */
  default void pending(ThreadView me) {
    access(me.pendingObject, me.pendingKey, me.pendingIndex, me.pendingWrite);
  }

  /** The running thread touches a location without a scheduling point (unlock, notify, ...). */
  void access(Object object, Object key, int index, boolean write);

  /** The running thread does something whose footprint is unknown: it conflicts with every step. */
  void global();
}
