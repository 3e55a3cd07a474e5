package dev.baton.scheduler;

import dev.baton.config.Defaults;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link dev.baton.Strategy#EXHAUSTIVE}: a depth-first search of the choice tree with iterative
 * preemption bounding and dynamic partial-order reduction.
 *
 * <p><b>Preemption bounding</b> (Musuvathi and Qadeer, CHESS, PLDI 2007). A preemption is a
 * choice that switches away from a running thread that could go on. Round {@code k} explores the
 * schedules with at most {@code k} preemptions, for {@code k = 0, 1, ...} up to {@code
 * maxPreemptions}, so the schedules with few preemptions, where most bugs are, come first. A round
 * never runs a schedule an earlier round ran: the runs of earlier rounds are kept (up to a memory
 * limit) and a round walks through them without running them again.
 *
 * <p><b>Partial-order reduction</b> (source sets, Abdulla, Aronis, Jonsson and Sagonas, POPL 2014;
 * bounded as in Coons, Musuvathi and McKinley, OOPSLA 2013). Every step of a run records what it
 * touches ({@link Footprints}). After a run, each pair of dependent steps of different threads
 * that no other step orders (a race) gets the other order scheduled: a thread that can start the
 * reversed order is added to the alternatives of the choice point before the first step of the
 * race, and also of the choice point where that step's thread last got the baton (Coons et al.'s
 * conservative point, which keeps the reduction sound under a preemption bound). A choice point
 * starts with only the thread the default continuation takes (keep the running thread, else the
 * lowest id); so schedules that only reorder independent steps (two threads writing different
 * fields) are not run twice. A {@code notify} choosing among waiters always tries every waiter.
 *
 * <p><b>What "complete" means.</b> When the search ends before the budget, every schedule of the
 * scenario with at most {@code maxPreemptions} preemptions was run or is equivalent to one that
 * was: it differs only in the order of adjacent independent steps, so every thread saw the same
 * values and the same failure would have shown. When no round was cut by its bound, that holds for
 * every schedule, whatever its preemptions. The guarantee assumes the scenario is deterministic
 * under the same choices (Baton controls time, randomness and identity hashes; a scenario that
 * still varies is reported in the note) and that steps whose footprint Baton cannot see (a park,
 * a join, a clock read, most JDK calls) are treated as conflicting with everything, which they
 * are.
 */
final class ExhaustivePolicy implements SchedulePolicy {
  /**
   * Default bound: CHESS found nearly every known bug within two preemptions, and the number of
   * schedules grows about as {@code steps^bound}, so a third preemption multiplies the run time by
   * the length of the schedules.
   */
  static final int DEFAULT_MAX_PREEMPTIONS = Defaults.MAX_PREEMPTIONS;

  /** Ints the kept runs of earlier rounds may hold before new runs are no longer kept. */
  private static final long KEPT_LIMIT = 4_000_000;

  /** Races whose steps lie further apart than this add every thread that can run (cheaper). */
  private static final int INITIALS_WINDOW = 512;

  /**
   * Runs with more steps than this are not analysed (the analysis is quadratic in the worst case):
   * every alternative of their choice points is explored, as without reduction.
   */
  private static final int ANALYSED_STEPS = 20_000;

  private final int maxPreemptions;
  private final boolean reduce;
  private final Map<String, Integer> fieldIds = new HashMap<>();

  private int bound;
  private boolean boundCut;
  private boolean exhausted;
  private final List<Node> nodes = new ArrayList<>();
  private int depth;
  private int preemptions;
  private Footprints run;

  private int distinct;
  private int repeated;
  private boolean unreducedRuns;
  private boolean nondeterministic;
  private final Set<Long> seen = new HashSet<>();
  private final Map<Long, KeptRun> kept = new HashMap<>();
  private long keptSize;

  /** Defaults: at most {@value #DEFAULT_MAX_PREEMPTIONS} preemptions, with reduction. */
  ExhaustivePolicy() {
    this(DEFAULT_MAX_PREEMPTIONS, true);
  }

  /**
   * @param maxPreemptions the last round's bound, at least 0
   * @param reduce whether to apply partial-order reduction (off: every schedule within the bound)
   */
  ExhaustivePolicy(int maxPreemptions, boolean reduce) {
    this.maxPreemptions = maxPreemptions;
    this.reduce = reduce;
  }

  @Override
  public void beginSchedule(int index) {
    depth = 0;
    preemptions = 0;
    run = reduce ? new Footprints(fieldIds) : null;
  }

  @Override
  public TransitionObserver observer() {
    return run;
  }

  @Override
  public int pickThread(
      ManagedThread[] options, int enabled, int wakeable, ManagedThread current, int step) {
    int currentId = -1;
    for (int i = 0; i < enabled; i++) {
      if (options[i] == current) currentId = current.id;
    }
    if (run != null) run.atNode(depth);
    return indexOf(options, node(options, enabled + wakeable, currentId, false).chosen);
  }

  @Override
  public int pickWaiter(ManagedThread[] waiters, int count) {
    return indexOf(waiters, node(waiters, count, -1, true).chosen);
  }

  /** The choice point at the current depth: the one the previous runs left there, or a new one. */
  private Node node(ManagedThread[] options, int count, int currentId, boolean waiter) {
    int d = depth++;
    Node node = null;
    if (d < nodes.size()) {
      node = nodes.get(d);
      if (!node.matches(options, count, currentId, waiter)) {
        // The same choices led somewhere else: the scenario depends on something Baton does not
        // control. Go on from here as if the point were new.
        nondeterministic = true;
        truncate(d);
        node = null;
      }
    }
    if (node == null) {
      int[] ids = new int[count];
      for (int i = 0; i < count; i++) ids[i] = options[i].id;
      node = newNode(ids, currentId, waiter, preemptions);
      nodes.add(node);
    }
    if (node.preempts(node.chosen)) preemptions++;
    return node;
  }

  private Node newNode(int[] ids, int currentId, boolean waiter, int preemptionsBefore) {
    Node node = new Node(ids, currentId, waiter, preemptionsBefore);
    node.chosen = node.defaultChoice();
    node.done.set(node.chosen);
    node.backtrack.set(node.chosen);
    if (!reduce || waiter) {
      for (int id : ids) node.backtrack.set(id);
    }
    return node;
  }

  private static int indexOf(ManagedThread[] options, int id) {
    for (int i = 0; ; i++) {
      if (options[i].id == id) return i;
    }
  }

  @Override
  public void endSchedule(int steps) {
    truncate(depth); // a shorter run than the last one through here (only if nondeterministic)
    int[] choices = choices(nodes.size());
    if (seen.add(fingerprint(choices, choices.length))) {
      distinct++;
    } else {
      repeated++;
    }
    if (run != null) {
      run.forgetObjects();
      new RaceAnalysis(run).addBacktracks();
    }
    keep(choices);
    advance();
  }

  /** Moves to the next schedule to run, walking through kept runs without running them. */
  private void advance() {
    while (true) {
      int p = nextBranch();
      if (p >= 0) {
        if (walkKept(p + 1)) continue;
        return;
      }
      if (boundCut && bound < maxPreemptions) {
        bound++;
        boundCut = false;
        nodes.clear();
        if (walkKept(0)) continue;
        return;
      }
      exhausted = true;
      return;
    }
  }

  /** Takes the deepest untried alternative the bound allows; returns its depth, or -1. */
  private int nextBranch() {
    for (int p = nodes.size() - 1; p >= 0; p--) {
      Node n = nodes.get(p);
      for (int t = n.backtrack.nextSetBit(0); t >= 0; t = n.backtrack.nextSetBit(t + 1)) {
        if (n.done.get(t)) continue;
        if (n.preemptionsBefore + (n.preempts(t) ? 1 : 0) > bound) {
          boundCut = true;
          continue;
        }
        n.done.set(t);
        n.chosen = t;
        truncate(p + 1);
        return p;
      }
    }
    return -1;
  }

  private void truncate(int size) {
    while (nodes.size() > size) nodes.remove(nodes.size() - 1);
  }

  private int[] choices(int length) {
    int[] c = new int[length];
    for (int i = 0; i < length; i++) c[i] = nodes.get(i).chosen;
    return c;
  }

  // ---- runs kept from earlier rounds --------------------------------------------------------

  /**
   * A run, as the search saw it: the shape of each choice point and the steps. The run a prefix
   * leads to is the prefix plus default choices: it is kept under the prefix up to its last
   * choice that was not the default.
   */
  private record KeptRun(int[] choices, int[][] options, int[] currents, boolean[] waiters,
      Footprints steps) {}

  private void keep(int[] choices) {
    if (keptSize > KEPT_LIMIT) return;
    int last = -1;
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).chosen != nodes.get(i).defaultChoice()) last = i;
    }
    int n = nodes.size();
    int[][] options = new int[n][];
    int[] currents = new int[n];
    boolean[] waiters = new boolean[n];
    for (int i = 0; i < n; i++) {
      Node node = nodes.get(i);
      options[i] = node.options;
      currents[i] = node.current;
      waiters[i] = node.waiter;
      keptSize += node.options.length + 2;
    }
    keptSize += run == null ? 0 : run.weight();
    kept.putIfAbsent(fingerprint(choices, last + 1), new KeptRun(choices, options, currents,
        waiters, run));
  }

  /**
   * If the run that the first {@code length} choices lead to was kept, walks through it as if it
   * had run again: its choice points join the search and its races add alternatives.
   */
  private boolean walkKept(int length) {
    int[] prefix = choices(length);
    KeptRun k = kept.get(fingerprint(prefix, length));
    if (k == null || k.choices.length < length
        || !Arrays.equals(k.choices, 0, length, prefix, 0, length)) {
      return false;
    }
    int before = 0;
    for (Node node : nodes) before += node.preempts(node.chosen) ? 1 : 0;
    for (int d = length; d < k.choices.length; d++) {
      Node node = newNode(k.options[d], k.currents[d], k.waiters[d], before);
      if (node.chosen != k.choices[d]) { // cannot happen: kept runs end in default choices
        truncate(length);
        return false;
      }
      nodes.add(node);
      before += node.preempts(node.chosen) ? 1 : 0;
    }
    if (k.steps != null) new RaceAnalysis(k.steps).addBacktracks();
    return true;
  }

  private static long fingerprint(int[] choices, int length) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < length; i++) h = (h ^ (choices[i] + 1)) * 0x100000001B3L;
    return h ^ length;
  }

  // ---- races --------------------------------------------------------------------------------

  /** Finds the races of one run with vector clocks and schedules their reversals. */
  private final class RaceAnalysis {
    private final Footprints f;
    private final int[][] clocks;

    RaceAnalysis(Footprints f) {
      this.f = f;
      this.clocks = new int[f.size][];
    }

    void addBacktracks() {
      if (f.size > ANALYSED_STEPS) {
        unreducedRuns = true;
        for (Node n : nodes) {
          if (!n.waiter) for (int id : n.options) n.backtrack.set(id);
        }
        return;
      }
      int threads = f.maxThread() + 1;
      int[] last = new int[threads];
      Arrays.fill(last, -1);
      int[] counts = new int[threads];
      int lastGlobal = -1;
      for (int j = 0; j < f.size; j++) {
        int p = f.threads[j];
        int[] c = last[p] >= 0 ? clocks[last[p]].clone() : new int[threads];
        // Every step before the last global one happens before it, and so before j.
        for (int i = j - 1; i >= Math.max(lastGlobal, 0); i--) {
          int q = f.threads[i];
          if (q == p || c[q] >= clocks[i][q] || !f.dependent(i, j)) continue;
          race(i, j, c);
          join(c, clocks[i]);
        }
        c[p] = ++counts[p];
        clocks[j] = c;
        last[p] = j;
        if (f.global[j]) lastGlobal = j;
      }
    }

    /**
     * Steps {@code i} and {@code j} race; {@code before} is what happens before {@code j} through
     * the steps between them. Schedules a thread that can start the reversed order at the choice
     * point of {@code i}, and at the one where {@code i}'s thread last got the baton.
     */
    private void race(int i, int j, int[] before) {
      BitSet initials = initials(i, j, before);
      addAt(f.nodes[i], initials, f.threads[j]);
      int b = i;
      while (b > 0 && f.threads[b - 1] == f.threads[i]) b--;
      if (b < i) addAt(f.nodes[b], initials, f.threads[j]);
    }

    /**
     * The threads whose first step among those after {@code i} that {@code i} does not order,
     * followed by {@code j}, depends on none of them: who can start the reversed order.
     */
    private BitSet initials(int i, int j, int[] before) {
      BitSet initials = new BitSet();
      if (j - i > INITIALS_WINDOW) {
        initials.set(0, f.maxThread() + 1); // too far apart to compute cheaply: anyone
        return initials;
      }
      int ti = f.threads[i];
      int ci = clocks[i][ti];
      int[] v = new int[j - i];
      int n = 0;
      for (int k = i + 1; k < j; k++) {
        if (clocks[k][ti] < ci) v[n++] = k;
      }
      for (int a = 0; a < n; a++) {
        int k = v[a];
        boolean first = true;
        for (int b = 0; b < a && first; b++) {
          int q = f.threads[v[b]];
          if (clocks[k][q] >= clocks[v[b]][q]) first = false;
        }
        if (first) initials.set(f.threads[k]);
      }
      boolean jFirst = true;
      for (int b = 0; b < n && jFirst; b++) {
        int q = f.threads[v[b]];
        if (before[q] >= clocks[v[b]][q]) jFirst = false;
      }
      if (jFirst) initials.set(f.threads[j]);
      return initials;
    }

    private void addAt(int node, BitSet initials, int preferred) {
      if (node < 0 || node >= nodes.size()) return; // the only thread that could run there
      Node n = nodes.get(node);
      if (n.waiter) return;
      // The thread of the race's later step, when it can run here, always (Coons et al.): under a
      // preemption bound, another initial already scheduled here may lead only to members of the
      // reversed class with more preemptions than the bound allows, where this one needs none.
      if (initials.get(preferred) && n.offers(preferred)) {
        n.backtrack.set(preferred);
        return;
      }
      if (initials.intersects(n.backtrack)) return;
      for (int t = initials.nextSetBit(0); t >= 0; t = initials.nextSetBit(t + 1)) {
        if (n.offers(t)) {
          n.backtrack.set(t);
          return;
        }
      }
      // Nobody who could start the reversal could run there (a thread not started yet): the
      // two steps cannot be reversed from that point.
    }

    private void join(int[] into, int[] other) {
      for (int t = 0; t < into.length; t++) into[t] = Math.max(into[t], other[t]);
    }
  }

  // ---- reporting ----------------------------------------------------------------------------

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  /** The round the search is in: schedules with at most this many preemptions. */
  int bound() {
    return bound;
  }

  /** Preemptions of the schedule that ran last. */
  int preemptionsOfLastRun() {
    return preemptions;
  }

  /** Distinct schedules run so far. */
  int distinctSchedules() {
    return distinct;
  }

  @Override
  public String note() {
    StringBuilder b = new StringBuilder();
    if (exhausted) {
      b.append("Explored all ").append(String.format(Locale.ROOT, "%,d", distinct))
          .append(distinct == 1 ? " schedule" : " schedules");
      if (boundCut) {
        b.append(" with ≤ ").append(bound).append(bound == 1 ? " preemption" : " preemptions");
      } else {
        b.append(" (no schedule needed more than ").append(bound).append(bound == 1
            ? " preemption)" : " preemptions)");
      }
      b.append(": no failure");
      if (reduce) b.append(" (schedules that only reorder independent steps were skipped)");
      b.append('.');
    } else if (bound == 0) {
      b.append("The budget ran out before every schedule without preemptions was explored.");
    } else {
      b.append("Every schedule with at most ").append(bound - 1).append(" preemption")
          .append(bound == 2 ? "" : "s").append(" was explored; the budget ran out in the round"
              + " allowing ").append(bound).append('.');
    }
    if (repeated > 0) {
      b.append(b.length() > 0 ? " " : "").append(repeated).append(" run(s) repeated a schedule of an"
          + " earlier round: too many runs to keep in memory.");
    }
    if (unreducedRuns) {
      b.append(b.length() > 0 ? " " : "").append("Schedules of more than ").append(ANALYSED_STEPS)
          .append(" steps branched at every choice, without reduction.");
    }
    if (nondeterministic) {
      b.append(b.length() > 0 ? " " : "").append("The scenario did not repeat itself under the same"
          + " choices (it depends on something Baton does not control), so the enumeration may be"
          + " incomplete.");
    }
    return b.toString();
  }

  /** One choice point of the search. */
  private static final class Node {
    final int[] options;
    /** The running thread when it could go on, else -1 (then no choice is a preemption). */
    final int current;
    final boolean waiter;
    final int preemptionsBefore;
    int chosen;
    final BitSet backtrack = new BitSet();
    final BitSet done = new BitSet();

    Node(int[] options, int current, boolean waiter, int preemptionsBefore) {
      this.options = options;
      this.current = current;
      this.waiter = waiter;
      this.preemptionsBefore = preemptionsBefore;
    }

    int defaultChoice() {
      return !waiter && current >= 0 ? current : options[0];
    }

    boolean preempts(int thread) {
      return !waiter && current >= 0 && thread != current;
    }

    boolean offers(int thread) {
      for (int id : options) {
        if (id == thread) return true;
      }
      return false;
    }

    boolean matches(ManagedThread[] others, int count, int currentId, boolean isWaiter) {
      if (count != options.length || currentId != current || isWaiter != waiter) return false;
      for (int i = 0; i < count; i++) {
        if (others[i].id != options[i]) return false;
      }
      return true;
    }
  }
}
