package dev.baton.instrument;

import dev.baton.runtime.HookDelegate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link HookDelegate} that records every hook call and answers "not managed" (so the real
 * operation runs), except monitors when {@link #modelMonitors} is set. It also checks that each hook
 * is called with a site of the matching kind.
 *
 * <p>Calls that come from retransformed JDK classes ({@code park}, {@code unpark}, thread start and
 * exit) are kept apart: they appear whenever Baton's agent has been attached to the test JVM by
 * another test, and say nothing about the rewritten user code.
 */
final class RecordingDelegate implements HookDelegate {

  /** One hook call; {@code site} is null for hooks that carry none. */
  record Event(String hook, Object target, Site site, Thread thread, String extra) {

    /** {@code WRITE Account.balance :21}, {@code ARRAY_READ :7 [0]}, or the hook name for hooks without a site. */
    String describe() {
      if (site == null) return hook;
      String detail = site.detail().isEmpty() ? "" : " " + site.detail();
      return site.kind() + detail + " :" + site.line() + (extra.isEmpty() ? "" : " " + extra);
    }
  }

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<Event> jdkEvents = new CopyOnWriteArrayList<>();
  private final List<String> mismatches = new CopyOnWriteArrayList<>();
  /** When true, monitorEnter/monitorExit answer "handled" and the real instructions are skipped. */
  volatile boolean modelMonitors;

  List<Event> events() {
    return List.copyOf(events);
  }

  /** Calls from retransformed JDK classes, if the agent is attached. */
  List<Event> jdkEvents() {
    return List.copyOf(jdkEvents);
  }

  void clear() {
    events.clear();
    jdkEvents.clear();
  }

  /** The events of one thread, in order. */
  List<Event> eventsOf(Thread thread) {
    List<Event> result = new ArrayList<>();
    for (Event e : events) {
      if (e.thread() == thread) result.add(e);
    }
    return result;
  }

  /** Hook calls whose site had the wrong kind; empty when the instrumenter is consistent. */
  List<String> mismatches() {
    return List.copyOf(mismatches);
  }

  private void record(String hook, Object target, int siteId, SiteKind expected, String extra) {
    Site site = Sites.get(siteId);
    if (site == null || site.kind() != expected) {
      mismatches.add(hook + " called with site " + siteId + " = " + site + ", expected " + expected);
    }
    events.add(new Event(hook, target, site, Thread.currentThread(), extra));
  }

  private void recordWithoutSite(String hook, Object target) {
    events.add(new Event(hook, target, null, Thread.currentThread(), ""));
  }

  private void recordFromJdk(String hook, Object target) {
    jdkEvents.add(new Event(hook, target, null, Thread.currentThread(), ""));
  }

  @Override
  public void beforeFieldAccess(Object owner, boolean write, int site) {
    record("field", owner, site, write ? SiteKind.WRITE : SiteKind.READ, "");
  }

  @Override
  public void beforeArrayAccess(Object array, int index, boolean write, int site) {
    record("array", array, site, write ? SiteKind.ARRAY_WRITE : SiteKind.ARRAY_READ, "[" + index + "]");
  }

  @Override
  public void beforeCall(Object receiver, int site) {
    record("call", receiver, site, SiteKind.CALL, "");
  }

  @Override
  public void yieldPoint(int site) {
    Site s = Sites.get(site);
    SiteKind kind = s == null ? SiteKind.YIELD : s.kind();
    if (kind != SiteKind.THREAD_START && kind != SiteKind.YIELD && kind != SiteKind.SPIN_WAIT) {
      kind = SiteKind.YIELD;
    }
    record("yieldPoint", null, site, kind, "");
  }

  @Override
  public boolean monitorEnter(Object monitor, int site) {
    record("monitorEnter", monitor, site, SiteKind.MONITOR_ENTER, "");
    return modelMonitors;
  }

  /** Per thread, what it locks for real where the model holds a monitor. */
  private final ThreadLocal<Object> tokens = ThreadLocal.withInitial(Object::new);

  @Override
  public Object monitorToken(Object monitor, int site) {
    record("monitorEnter", monitor, site, SiteKind.MONITOR_ENTER, "");
    return modelMonitors ? tokens.get() : monitor;
  }

  @Override
  public void monitorRelease(Object monitor, boolean modelled, int site) {
    record("monitorExit", monitor, site, SiteKind.MONITOR_EXIT, "");
    if (modelled != modelMonitors) mismatches.add("monitorRelease: modelled " + modelled);
  }

  @Override
  public boolean monitorExit(Object monitor, int site) {
    record("monitorExit", monitor, site, SiteKind.MONITOR_EXIT, "");
    return modelMonitors;
  }

  @Override
  public boolean monitorWait(Object monitor, long millis, int nanos, int site) {
    record("monitorWait", monitor, site, SiteKind.WAIT, millis + "/" + nanos);
    return false;
  }

  @Override
  public boolean monitorNotify(Object monitor, boolean all, int site) {
    record("monitorNotify", monitor, site, all ? SiteKind.NOTIFY_ALL : SiteKind.NOTIFY, "");
    return false;
  }

  @Override
  public int holdsLock(Object monitor) {
    recordWithoutSite("holdsLock", monitor);
    return -1;
  }

  @Override
  public boolean join(Thread thread, long millis, int nanos, int site) {
    record("join", thread, site, SiteKind.JOIN, millis + "/" + nanos);
    return false;
  }

  @Override
  public boolean sleep(long millis, int nanos, int site) {
    record("sleep", null, site, SiteKind.SLEEP, millis + "/" + nanos);
    return false;
  }

  @Override
  public boolean interrupt(Thread thread, int site) {
    record("interrupt", thread, site, SiteKind.INTERRUPT, "");
    return false;
  }

  @Override
  public boolean park(Object blocker, boolean timed, long nanos) {
    recordFromJdk("park", blocker);
    return false;
  }

  @Override
  public void atomicEnter(Object receiver) {
    // regions are not events
  }

  @Override
  public void atomicExit() {
    // regions are not events
  }

  @Override
  public int isInterrupted(Thread thread) {
    recordWithoutSite("isInterrupted", thread);
    return -1;
  }

  @Override
  public Thread.State threadState(Thread thread) {
    recordWithoutSite("threadState", thread);
    return null;
  }

  @Override
  public long nanoTime(long real, int site) {
    if (site >= 0) record("nanoTime", null, site, SiteKind.CLOCK, "");
    return real;
  }

  @Override
  public long currentTimeMillis(long real, int site) {
    if (site >= 0) record("currentTimeMillis", null, site, SiteKind.CLOCK, "");
    return real;
  }

  @Override
  public long epochNanos(int site) {
    return Long.MIN_VALUE;
  }

  @Override
  public double random() {
    return -1;
  }

  @Override
  public boolean randomSeed(long[] seed) {
    return false;
  }

  @Override
  public java.util.random.RandomGenerator threadRandom() {
    return null;
  }

  @Override
  public void uncontrolled(int site) {}

  @Override
  public int identityHash(Object o) {
    return 0;
  }

  @Override
  public java.util.concurrent.ForkJoinPool commonPool(java.util.concurrent.ForkJoinPool common) {
    return common;
  }

  @Override
  public boolean unpark(Thread thread) {
    recordFromJdk("unpark", thread);
    return false;
  }

  @Override
  public void threadStarting(Thread thread) {
    recordFromJdk("threadStarting", thread);
  }

  @Override
  public void threadStarted(Thread thread) {
    recordFromJdk("threadStarted", thread);
  }

  @Override
  public void threadRuns() {
    recordFromJdk("threadRuns", null);
  }

  @Override
  public void threadExit() {
    recordFromJdk("threadExit", null);
  }

  @Override
  public void classInitEnter() {
    recordWithoutSite("classInitEnter", null);
  }

  @Override
  public void classInitExit() {
    recordWithoutSite("classInitExit", null);
  }
}
