package dev.baton.scheduler;

/**
 * The latest steps of one thread as states (site, object, index, value seen there), and how long
 * they have repeated one cycle: the cycle of a spin loop whose reads see nothing new.
 *
 * <p>A step repeats the cycle when it equals the step one period before; the first step that does
 * not ends the cycle and looks for the shortest period, up to {@link #MAX_PERIOD}, that it repeats.
 */
final class ThreadCycle {
  /** The longest cycle looked for, in steps. */
  static final int MAX_PERIOD = 64;

  private static final int SIZE = MAX_PERIOD + 1;

  private final int[] sites = new int[SIZE];
  private final Object[] objects = new Object[SIZE];
  private final int[] indexes = new int[SIZE];
  private final Object[] values = new Object[SIZE];

  /** Steps added since the latest progress. */
  private long count;
  private int period;
  private int repeated;
  /** The schedule's step at which the current cycle began repeating. */
  private long since;

  /** A step whose effect is not known: whatever came before, the thread may have progressed. */
  void progress() {
    if (count == 0) return; // nothing to forget (a run of calls into the JDK, say)
    count = 0;
    period = 0;
    repeated = 0;
    java.util.Arrays.fill(objects, null);
    java.util.Arrays.fill(values, null);
  }

  /**
   * Adds a step, the schedule's {@code step}-th; returns for how many steps in a row the cycle has
   * repeated, counting this one.
   */
  int add(int site, Object object, int index, Object value, long step) {
    if (period > 0 && same(period, site, object, index, value)) {
      if (repeated < Integer.MAX_VALUE) repeated++;
    } else {
      period = 0;
      repeated = 0;
      long limit = Math.min(count, MAX_PERIOD);
      for (int p = 1; p <= limit; p++) {
        if (same(p, site, object, index, value)) {
          period = p;
          repeated = 1;
          since = step;
          break;
        }
      }
    }
    int at = (int) (count % SIZE);
    sites[at] = site;
    objects[at] = object;
    indexes[at] = index;
    values[at] = value;
    count++;
    return repeated;
  }

  int repeated() {
    return repeated;
  }

  /** The value a step's location holds now, or {@link #NOT_MEMORY} for a step that reads none. */
  @FunctionalInterface
  interface ValueNow {
    Object at(int site, Object object, int index);
  }

  /** What {@link ValueNow} answers for a step that touches no field or array element. */
  static final Object NOT_MEMORY = new Object();

  /**
   * Whether every location the current cycle touches holds now what the cycle saw there: a thread
   * kept from running while another wrote what its spin loop reads is no longer stuck, whatever its
   * own last steps were. False outside a cycle, or where {@code now} cannot tell ({@link
   * SiteValues#UNKNOWN}).
   */
  boolean seesTheSameNow(ValueNow now) {
    if (period == 0) return false;
    for (int back = 1; back <= period; back++) {
      int at = (int) ((count - back) % SIZE);
      Object value = now.at(sites[at], objects[at], indexes[at]);
      if (value == NOT_MEMORY) continue;
      if (value == SiteValues.UNKNOWN || !sameValue(values[at], value)) return false;
    }
    return true;
  }

  /**
   * For how many steps of the schedule (all threads' steps) this thread's steps have all repeated
   * its cycle, as of step {@code now}; 0 when it is in no cycle.
   */
  long lasted(long now) {
    return period > 0 ? now - since : 0;
  }

  int period() {
    return period;
  }

  /** Whether the step {@code back} steps before the one being added was this same state. */
  private boolean same(int back, int site, Object object, int index, Object value) {
    int at = (int) ((count - back) % SIZE);
    return sites[at] == site && objects[at] == object && indexes[at] == index
        && sameValue(values[at], value);
  }

  /** The same reference, or equal boxed primitives (a field read reflectively comes boxed). */
  private static boolean sameValue(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null || a.getClass() != b.getClass()) return false;
    return (a instanceof Number || a instanceof Boolean || a instanceof Character) && a.equals(b);
  }
}
