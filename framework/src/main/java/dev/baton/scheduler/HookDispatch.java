package dev.baton.scheduler;

import dev.baton.runtime.HookDelegate;
import dev.baton.runtime.Hooks;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hook delegate while several schedules run at once ({@link ParallelExplorer}): routes every
 * hook to the {@link Scheduler} of the calling thread. A thread belongs to the scheduler that
 * registered it (the schedule's main thread, the threads it starts, the pool workers it adopts)
 * until its schedule ends. A hook from a thread of no schedule goes to the scheduler of the thread
 * it acts on ({@code unpark}, {@code interrupt}), else to an idle scheduler that manages no thread
 * and so does what a scheduler does for any foreign thread: the real operation.
 *
 * <p>A single exploration never installs it: there the running scheduler is the delegate itself,
 * and the hooks pay nothing for the lookup.
 */
final class HookDispatch implements HookDelegate {
  private final ConcurrentHashMap<Thread, Scheduler> owners = new ConcurrentHashMap<>();
  private final HookDelegate idle;

  HookDispatch(Scheduler idle) {
    this.idle = idle.hooks;
  }

  /** Installs this dispatch as the hook delegate. */
  void install() {
    Hooks.install(this);
  }

  /** Removes it again. */
  void uninstall() {
    Hooks.install(null);
  }

  /** Called by {@code scheduler} when it registers {@code thread}. */
  void own(Thread thread, Scheduler scheduler) {
    owners.put(thread, scheduler);
  }

  /** Forgets the threads of {@code scheduler}, whose schedule ended. */
  void release(Scheduler scheduler) {
    for (ManagedThread t : scheduler.threads()) owners.remove(t.thread, scheduler);
  }

  /** The scheduler of {@code thread}, or null. */
  Scheduler ownerOf(Thread thread) {
    return owners.get(thread);
  }

  private HookDelegate route() {
    Scheduler s = owners.get(Thread.currentThread());
    return s != null ? s.hooks : idle;
  }

  private HookDelegate routeFor(Thread target) {
    Scheduler s = owners.get(Thread.currentThread());
    if (s == null && target != null) s = owners.get(target);
    return s != null ? s.hooks : idle;
  }

  @Override
  public void beforeFieldAccess(Object owner, boolean write, int site) {
    route().beforeFieldAccess(owner, write, site);
  }

  @Override
  public void beforeArrayAccess(Object array, int index, boolean write, int site) {
    route().beforeArrayAccess(array, index, write, site);
  }

  @Override
  public void beforeCall(Object receiver, int site) {
    route().beforeCall(receiver, site);
  }

  @Override
  public void yieldPoint(int site) {
    route().yieldPoint(site);
  }

  @Override
  public boolean monitorEnter(Object monitor, int site) {
    return route().monitorEnter(monitor, site);
  }

  @Override
  public Object monitorToken(Object monitor, int site) {
    return route().monitorToken(monitor, site);
  }

  @Override
  public void monitorRelease(Object monitor, boolean modelled, int site) {
    route().monitorRelease(monitor, modelled, site);
  }

  @Override
  public boolean monitorExit(Object monitor, int site) {
    return route().monitorExit(monitor, site);
  }

  @Override
  public boolean monitorWait(Object monitor, long millis, int nanos, int site) throws InterruptedException {
    return route().monitorWait(monitor, millis, nanos, site);
  }

  @Override
  public boolean monitorNotify(Object monitor, boolean all, int site) {
    return route().monitorNotify(monitor, all, site);
  }

  @Override
  public int holdsLock(Object monitor) {
    return route().holdsLock(monitor);
  }

  @Override
  public boolean join(Thread thread, long millis, int nanos, int site) throws InterruptedException {
    return route().join(thread, millis, nanos, site);
  }

  @Override
  public boolean sleep(long millis, int nanos, int site) throws InterruptedException {
    return route().sleep(millis, nanos, site);
  }

  @Override
  public boolean interrupt(Thread thread, int site) {
    return routeFor(thread).interrupt(thread, site);
  }

  @Override
  public int isInterrupted(Thread thread) {
    return routeFor(thread).isInterrupted(thread);
  }

  @Override
  public Thread.State threadState(Thread thread) {
    return routeFor(thread).threadState(thread);
  }

  @Override
  public long nanoTime(long real, int site) {
    return route().nanoTime(real, site);
  }

  @Override
  public long currentTimeMillis(long real, int site) {
    return route().currentTimeMillis(real, site);
  }

  @Override
  public long epochNanos(int site) {
    return route().epochNanos(site);
  }

  @Override
  public double random() {
    return route().random();
  }

  @Override
  public boolean randomSeed(long[] seed) {
    return route().randomSeed(seed);
  }

  @Override
  public java.util.random.RandomGenerator threadRandom() {
    return route().threadRandom();
  }

  @Override
  public void uncontrolled(int site) {
    route().uncontrolled(site);
  }

  @Override
  public int identityHash(Object o) {
    return route().identityHash(o);
  }

  @Override
  public void threadRuns() {
    route().threadRuns();
  }

  @Override
  public java.util.concurrent.ForkJoinPool commonPool(java.util.concurrent.ForkJoinPool common) {
    return route().commonPool(common);
  }

  @Override
  public boolean park(Object blocker, boolean timed, long nanos) {
    return route().park(blocker, timed, nanos);
  }

  @Override
  public boolean unpark(Thread thread) {
    return routeFor(thread).unpark(thread);
  }

  @Override
  public void threadStarting(Thread thread) {
    route().threadStarting(thread);
  }

  @Override
  public void threadStarted(Thread thread) {
    route().threadStarted(thread);
  }

  @Override
  public void threadExit() {
    route().threadExit();
  }

  @Override
  public void atomicEnter(Object receiver) {
    route().atomicEnter(receiver);
  }

  @Override
  public void atomicExit() {
    route().atomicExit();
  }

  @Override
  public void classInitEnter() {
    route().classInitEnter();
  }

  @Override
  public void classInitExit() {
    route().classInitExit();
  }
}
