package dev.baton.strategy;

import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import dev.baton.instrument.Sites;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The steps (transitions) of one schedule and what each touches, for partial-order reduction: the
 * thread, the choice point it started at (or -1 when it was the only thread that could run), and
 * its accesses, or "global" when its effect is unknown (a park, a join, a clock read, a call into
 * a JDK class whose state may be shared with other objects). Two steps are <em>dependent</em>
 * when they are by different threads and touch the same location, one of them writing, or when
 * either is global: swapping two independent adjacent steps cannot change what any thread sees.
 *
 * <p>Objects are named by the order in which the schedule first touches them, so the same
 * choices name the same objects in every run.
 */
final class Footprints implements TransitionObserver {
  /** Whole-object accesses: calls on a self-contained JDK object (an atomic, a concurrent map). */
  private static final int WHOLE = 3 << 28;
  private static final int MONITOR = 2 << 28;
  private static final int ARRAY = 1 << 28;
  private static final int KIND_MASK = 3 << 28;
  /** The pseudo-object that owns static fields. */
  private static final int STATICS = 0;

  /**
   * Receivers whose state lives in the object itself, so a call on one touches only that object.
   * Anything else (locks, queues, views, field updaters, static calls) counts as global.
   */
  private static final Set<String> SELF_CONTAINED = Set.of(
      "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
      "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicReference",
      "java.util.concurrent.atomic.AtomicIntegerArray", "java.util.concurrent.atomic.AtomicLongArray",
      "java.util.concurrent.atomic.AtomicReferenceArray", "java.util.concurrent.atomic.LongAdder",
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentLinkedQueue",
      "java.util.concurrent.ConcurrentLinkedDeque", "java.util.concurrent.CopyOnWriteArrayList",
      "java.util.ArrayList", "java.util.HashMap", "java.util.HashSet", "java.util.ArrayDeque",
      "java.util.LinkedList");

  private final Map<String, Integer> fieldIds;
  private final IdentityHashMap<Object, Integer> objectIds = new IdentityHashMap<>();

  int size;
  int[] threads = new int[64];
  int[] nodes = new int[64];
  boolean[] global = new boolean[64];
  /** Accesses of step i are [starts[i], starts[i + 1]) (the last up to accessCount). */
  private int[] starts = new int[65];
  private int[] objects = new int[128];
  private int[] slots = new int[128];
  private boolean[] writes = new boolean[128];
  /** Whether the access is the acquisition of a monitor (the pending operation of a lock step). */
  private boolean[] acquisitions = new boolean[128];
  private int accessCount;
  private final boolean[] started = new boolean[256];
  /** Threads that {@link #runByTheJdk}: every step of theirs counts as global. */
  private final java.util.BitSet jdkRun = new java.util.BitSet();

  private int node = -1;

  /** @param fieldIds names of fields, shared by every schedule of the exploration */
  Footprints(Map<String, Integer> fieldIds) {
    this.fieldIds = fieldIds;
    started[0] = true;
    begin(0, -1); // the main thread runs before the first scheduling point
  }

  /** The next {@code transition(..., true)} starts at choice point {@code node}. */
  void atNode(int node) {
    this.node = node;
  }

  @Override
  public void transition(ThreadView chosen, boolean decided) {
    begin(chosen.id, decided ? node : -1);
    boolean first = chosen.id < started.length && !started[chosen.id];
    if (chosen.id < started.length) started[chosen.id] = true;
    if (first) {
      if (chosen.runByTheJdk) jdkRun.set(chosen.id);
      return; // from its start to its first scheduling point: nothing shared
    }
    if (chosen.id >= started.length || jdkRun.get(chosen.id)) {
      // A pool worker runs JDK code between the user's steps (taking the next task from a
      // queue, counting workers) that touches state Baton does not see.
      global();
      return;
    }
    Object object = chosen.pendingObject;
    Object key = chosen.pendingKey;
    if (object == null && key == null && quietSite(chosen.lastSite)) return;
    pending(chosen);
  }

  @Override
  public void pending(ThreadView me) {
    Object object = me.pendingObject;
    if (me.pendingKey == null && object != null && touchesMoreThanItsReceiver(me.lastSite)) {
      global();
      return;
    }
    access(object, me.pendingKey, me.pendingIndex, me.pendingWrite);
    // A pending monitor operation is always a taking of the monitor (synchronized, or wait's
    // taking it back); its releases are reported as plain accesses.
    if (me.pendingKey == ThreadView.MONITOR_KEY && object != null) {
      acquisitions[accessCount - 1] = true;
    }
  }

  /**
   * Whether the call at {@code site} may touch objects other than its receiver, unseen: a
   * collection method that reads or fills another object given to it ({@code a.addAll(b)} reads
   * {@code b}; {@code toArray(arr)} writes {@code arr}) or that reads the elements ({@code equals},
   * {@code hashCode}, {@code toString}, which may be other self-contained objects another thread
   * changes). Such a call counts as global, as a call on any other JDK object does.
   */
  private static boolean touchesMoreThanItsReceiver(int site) {
    Site s = Sites.get(site);
    if (s == null || s.kind() != SiteKind.CALL) return false;
    String detail = s.detail() == null ? "" : s.detail();
    return ARGUMENT_READERS.contains(detail.substring(detail.lastIndexOf('.') + 1));
  }

  /**
   * Methods of the {@link #SELF_CONTAINED} classes that read or write other objects given to them
   * or held in them; everything else they offer touches the receiver only.
   */
  private static final Set<String> ARGUMENT_READERS = Set.of("addAll", "addAllAbsent", "putAll",
      "removeAll", "retainAll", "containsAll", "equals", "hashCode", "toString", "toArray");

  /** A thread start's own scheduling point and a yield touch nothing shared. */
  private static boolean quietSite(int site) {
    Site s = Sites.get(site);
    return s != null && (s.kind() == SiteKind.THREAD_START || s.kind() == SiteKind.YIELD
        || s.kind() == SiteKind.SPIN_WAIT);
  }

  @Override
  public void access(Object object, Object key, int index, boolean write) {
    int slot;
    int id;
    if (key == ThreadView.FIELD_KEY) {
      Site site = Sites.get(index);
      if (site == null) {
        global();
        return;
      }
      id = object == null ? STATICS : idOf(object);
      slot = fieldIds.computeIfAbsent(site.detail(), k -> fieldIds.size());
    } else if (key == ThreadView.LIFE_KEY && object != null) {
      id = idOf(object);
      slot = MONITOR | 1;
    } else if (key == ThreadView.MONITOR_KEY && object != null) {
      id = idOf(object);
      slot = MONITOR;
      write = true;
    } else if (key == null && object != null && object.getClass().isArray()) {
      id = idOf(object);
      slot = ARRAY | (index & ~KIND_MASK);
    } else if (key == null && object != null
        && SELF_CONTAINED.contains(object.getClass().getName())) {
      id = idOf(object);
      slot = WHOLE;
      write = true;
    } else {
      global();
      return;
    }
    if (accessCount == objects.length) {
      objects = Arrays.copyOf(objects, accessCount * 2);
      slots = Arrays.copyOf(slots, accessCount * 2);
      writes = Arrays.copyOf(writes, accessCount * 2);
      acquisitions = Arrays.copyOf(acquisitions, accessCount * 2);
    }
    objects[accessCount] = id;
    slots[accessCount] = slot;
    acquisitions[accessCount] = false;
    writes[accessCount++] = write;
  }

  @Override
  public void global() {
    if (size > 0) global[size - 1] = true;
  }

  private int idOf(Object o) {
    Integer id = objectIds.get(o);
    if (id == null) {
      id = objectIds.size() + 1;
      objectIds.put(o, id);
    }
    return id;
  }

  private void begin(int thread, int node) {
    if (size == threads.length) {
      threads = Arrays.copyOf(threads, size * 2);
      nodes = Arrays.copyOf(nodes, size * 2);
      global = Arrays.copyOf(global, size * 2);
      starts = Arrays.copyOf(starts, size * 2 + 1);
    }
    threads[size] = thread;
    nodes[size] = node;
    global[size] = false;
    starts[size] = accessCount;
    size++;
    starts[size] = accessCount;
  }

  /** Adds a step with the given accesses, for tests: {@code (object, slot, write)} triples. */
  void step(int thread, int node, boolean isGlobal, int... accesses) {
    begin(thread, node);
    global[size - 1] = isGlobal;
    for (int i = 0; i + 2 < accesses.length; i += 3) {
      access(accesses[i], accesses[i + 1], accesses[i + 2] != 0, false);
    }
  }

  /** Adds a step that takes monitor {@code object}, for tests. */
  void acquisitionStep(int thread, int node, int object) {
    begin(thread, node);
    access(object, MONITOR, true, true);
  }

  private void access(int object, int slot, boolean write, boolean acquisition) {
    if (accessCount == objects.length) {
      objects = Arrays.copyOf(objects, accessCount * 2);
      slots = Arrays.copyOf(slots, accessCount * 2);
      writes = Arrays.copyOf(writes, accessCount * 2);
      acquisitions = Arrays.copyOf(acquisitions, accessCount * 2);
    }
    objects[accessCount] = object;
    slots[accessCount] = slot;
    acquisitions[accessCount] = acquisition;
    writes[accessCount++] = write;
  }

  /**
   * For every step, the latest earlier step of another thread that takes a monitor the step takes,
   * or -1. Two acquisitions of one monitor never race in the dependency order (the release between
   * them orders them), yet they can happen the other way round: the later thread taking the
   * monitor first is what a lock-order deadlock needs.
   */
  int[] previousAcquisitions() {
    int[] previous = new int[size];
    Arrays.fill(previous, -1);
    // Per monitor: its latest acquisition, and the latest one by a thread other than that one's.
    Map<Integer, int[]> latest = new HashMap<>();
    for (int j = 0; j < size; j++) {
      int end = j + 1 < size ? starts[j + 1] : accessCount;
      for (int a = starts[j]; a < end; a++) {
        if (!acquisitions[a]) continue;
        int[] m = latest.computeIfAbsent(objects[a], k -> new int[] {-1, -1});
        int other = m[0] >= 0 && threads[m[0]] != threads[j] ? m[0] : m[1];
        if (other >= 0 && other != j) previous[j] = Math.max(previous[j], other);
        if (m[0] >= 0 && m[0] != j && threads[m[0]] != threads[j]) m[1] = m[0];
        m[0] = j;
      }
    }
    return previous;
  }

  /** Whether steps {@code i} and {@code j} (of different threads) may not commute. */
  boolean dependent(int i, int j) {
    if (global[i] || global[j]) return true;
    int endI = i + 1 < size ? starts[i + 1] : accessCount;
    int endJ = j + 1 < size ? starts[j + 1] : accessCount;
    for (int a = starts[i]; a < endI; a++) {
      for (int b = starts[j]; b < endJ; b++) {
        if (objects[a] != objects[b] || !(writes[a] || writes[b])) continue;
        if (slots[a] == slots[b] || (slots[a] & KIND_MASK) == WHOLE
            || (slots[b] & KIND_MASK) == WHOLE) {
          return true;
        }
      }
    }
    return false;
  }

  /** Drops the objects of the run (kept runs must not keep the scenario's objects alive). */
  void forgetObjects() {
    objectIds.clear();
  }

  /** About how many ints this holds, for the search's memory limit. */
  long weight() {
    return 4L * size + 3L * accessCount;
  }

  int maxThread() {
    int max = 0;
    for (int i = 0; i < size; i++) max = Math.max(max, threads[i]);
    return max;
  }
}
