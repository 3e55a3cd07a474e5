package dev.baton.instrument.samples;

/** Thread control calls, on Thread and on a subclass of it. */
public final class Threads {
  private Threads() {}

  /** A Thread subclass: calls through it are still Thread calls. */
  public static class Worker extends Thread {
    public volatile boolean ran;

    @Override
    public void run() {
      ran = true; //@run
    }
  }

  /** A subclass of a Thread subclass, without a run() of its own: it runs Worker's. */
  public static class LateWorker extends Worker {}

  /** A task, not a thread: its run() is no thread's body. */
  public static class Task implements Runnable {
    public volatile boolean ran;

    @Override
    public void run() {
      ran = true;
    }
  }

  public static boolean runTaskHere() {
    Task task = new Task();
    task.run();
    return task.ran;
  }

  public static boolean startJoin() throws InterruptedException {
    Worker w = new Worker();
    w.start(); //@start
    w.join(); //@join
    return w.ran;
  }

  public static void timedJoins() throws InterruptedException {
    Thread t = new Thread(Threads::nothing);
    t.start(); //@timed-start
    t.join(10_000); //@join-millis
    t.join(10_000, 5); //@join-nanos
  }

  private static void nothing() {}

  public static void sleeps() throws InterruptedException {
    Thread.sleep(1); //@sleep
    Thread.sleep(0, 5); //@sleep-nanos
    Worker.sleep(1); //@sleep-subclass
  }

  public static void yields() {
    Thread.yield(); //@yield
    Thread.onSpinWait(); //@spin
  }

  public static boolean interruptSelf() {
    Thread.currentThread().interrupt(); //@interrupt
    return Thread.interrupted();
  }

  public static Thread.State stateOfANewThread() {
    return new Thread(Threads::nothing).getState();
  }

  public static boolean holdsLock(Object lock) {
    synchronized (lock) {
      return Thread.holdsLock(lock);
    }
  }
}
