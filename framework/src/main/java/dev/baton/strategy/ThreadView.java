package dev.baton.strategy;

import org.apiguardian.api.API;

/**
 * What a policy sees of a thread of the schedule: who it is, which code it runs and what its next
 * step touches. The scheduler's model of a thread ({@code dev.baton.scheduler.ThreadView}) is
 * the one subclass; it writes these fields, the policies read them. Fields rather than accessors
 * because {@link SchedulePolicy#pickThread} reads them at every scheduling point.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public abstract class ThreadView {
  /** The location a monitor operation touches, for POS's race check. */
  public static final Object MONITOR_KEY = new Object();

  /** An untimed join reads, and a thread's end writes, this location of the thread. */
  public static final Object LIFE_KEY = new Object();

  /** A field access: the location is the owner plus the field of the site in pendingIndex. */
  public static final Object FIELD_KEY = new Object();

  /** Its number in the schedule, in the order threads registered: 0 is the scenario's main. */
  public final int id;
  public final Thread thread;

  /** The last user-code site this thread passed, for reports. */
  public int lastSite = -1;
  /**
   * The site of the step it is about to take while it waits for the baton (its first hook's, once
   * it arrived), or -1: which code it runs next, for a policy that tells kinds of threads apart.
   */
  public int nextSite = -1;
  /** Which code it was started to run: the same for copies of one worker. */
  public int kind;
  /**
   * JDK code runs around the user's steps in it, touching state Baton does not see: a pool
   * worker taking its next task, a virtual thread's carrier. Set when it registers, from its class
   * and task, so it never depends on how far the thread got; told only when a {@link
   * TransitionObserver} watches the schedule (false otherwise: nothing else reads it).
   */
  public boolean runByTheJdk;

  /**
   * What its pending operation touches: an object (or null for statics and for steps that touch
   * no memory), a key ({@link #FIELD_KEY}, {@link #MONITOR_KEY}, {@link #LIFE_KEY}, or null for a
   * call on the object or an array element), the field's site or the element's index, and whether
   * it writes.
   */
  public Object pendingObject;
  public Object pendingKey;
  public int pendingIndex;
  public boolean pendingWrite;

  /** POS: the priority of the pending operation; the policies' own, never read by the scheduler. */
  double priority = Double.NaN;

  protected ThreadView(int id, Thread thread) {
    this.id = id;
    this.thread = thread;
  }

  /** Whether it is alive and waits for nothing: it could run if it were given the baton. */
  public abstract boolean runnable();

  /** A name that is the same in every run, for messages. */
  public abstract String displayName();
}
