package dev.baton.lincheck;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs sequential steps of operations declared {@code @Operation(blocking = true)} on a thread of
 * its own that Baton does not manage, and tells a step that returned from one that would block for
 * ever. The sequential specification runs on one fresh instance with no other thread, so a step
 * whose thread waits (parked, in {@code Object.wait}, for a monitor) can never be woken: that order
 * is impossible, as Lincheck treats it. Deciding needs no clock: the step either returns or its
 * thread is seen waiting; then it is interrupted to unwind.
 *
 * <p>The thread is started before the exploration, outside any schedule (a thread started inside
 * one would be managed). A step that waits uninterruptibly cannot be unwound; the probe then
 * reports it as unsupported instead of blocking the check.
 */
final class SequentialProbe implements AutoCloseable {
  /** What {@link #run} returns for a step that would block for ever. */
  static final Object BLOCKS = new Object();

  private final Thread worker;
  private volatile Callable<Object> task;
  private volatile Object result;
  private volatile Throwable thrown;
  private volatile boolean done;
  /** Set by the probe's thread once it took the step: before, it waits for work, not in it. */
  private volatile boolean started;
  private volatile boolean probing;
  private volatile boolean closed;
  /** Why the probe cannot go on: its thread is stuck in a step that ignores interrupts. */
  private volatile String stuck;

  SequentialProbe(String name) {
    worker = new Thread(this::serve, "baton-sequential-" + name);
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * Runs {@code step} on the probe's thread.
   *
   * @return the step's value, or {@link #BLOCKS} when it would wait for ever
   * @throws Exception what the step threw
   * @throws IgnoresInterrupts when the step (or an earlier one, whose thread is still stuck in
   *     it) waits and ignores interrupts
   */
  Object run(Callable<Object> step, String what) throws Exception {
    if (stuck != null) throw new IgnoresInterrupts(stuck);
    done = false;
    started = false;
    probing = false;
    thrown = null;
    task = step;
    LockSupport.unpark(worker);
    while (!done) {
      if (!probing && waiting()) {
        probing = true; // it can never be woken: unwind it
        worker.interrupt();
      } else if (probing && waiting() && !worker.isInterrupted()) {
        if (done) break;
        closed = true;
        stuck = what + " blocks in the sequential specification and"
            + " ignores interrupts (for example Semaphore.acquireUninterruptibly or Lock.lock), so"
            + " Baton's mode cannot tell which orders are impossible: use an interruptible wait"
            + " in the operation, or leave LincheckMode.BATON out of @CheckLinearizability(modes)";
        throw new IgnoresInterrupts(stuck);
      }
      Thread.yield();
    }
    if (probing) return BLOCKS;
    if (thrown instanceof Exception e) throw e;
    if (thrown instanceof Error e) throw e;
    return result;
  }

  private boolean waiting() {
    Thread.State s = worker.getState();
    return started && !done && (s == Thread.State.WAITING || s == Thread.State.BLOCKED);
  }

  private void serve() {
    while (!closed) {
      Callable<Object> t = task;
      if (t == null) {
        LockSupport.park(this);
        continue;
      }
      task = null;
      started = true;
      try {
        result = t.call();
      } catch (Throwable e) {
        thrown = e;
      }
      Thread.interrupted(); // an interrupt that came as the step returned
      done = true;
    }
  }

  /** A blocking operation's step cannot be unwound: a limit of Baton's mode, not a bug found. */
  static final class IgnoresInterrupts extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    IgnoresInterrupts(String message) {
      super(message);
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(worker);
  }
}
