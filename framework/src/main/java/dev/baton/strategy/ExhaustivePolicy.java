package dev.baton.strategy;

import dev.baton.config.Defaults;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

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
 * conservative point, which keeps the reduction sound under a preemption bound); two acquisitions
 * of one monitor race although the release between them orders them, for the later thread could
 * have taken the monitor first. A choice point
 * starts with only the thread the default continuation takes (keep the running thread; after a
 * thread gave way, a yield or spin wait, the next id after it in turn; else the lowest id); so schedules that only reorder independent steps (two threads writing different
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
 *
 * <p>The parts: {@link ChoiceTree} (the search's path and its alternatives), {@link KeptRuns} (the
 * runs of earlier rounds), {@link RaceAnalysis} (which alternatives a run's races add).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExhaustivePolicy implements SchedulePolicy {
  /**
   * Default bound: CHESS found nearly every known bug within two preemptions, and the number of
   * schedules grows about as {@code steps^bound}, so a third preemption multiplies the run time by
   * the length of the schedules.
   */
  static final int DEFAULT_MAX_PREEMPTIONS = Defaults.MAX_PREEMPTIONS;

  private final int maxPreemptions;
  private final boolean reduce;
  private final Map<String, Integer> fieldIds = new HashMap<>();
  private final ChoiceTree tree;
  private final KeptRuns kept = new KeptRuns();

  private int bound;
  private boolean exhausted;
  private Footprints run;

  private int distinct;
  private int repeated;
  private boolean unreducedRuns;
  private final Set<Long> seen = new HashSet<>();

  /** Defaults: at most {@value #DEFAULT_MAX_PREEMPTIONS} preemptions, with reduction. */
  ExhaustivePolicy() {
    this(DEFAULT_MAX_PREEMPTIONS, true);
  }

  /**
   * @param maxPreemptions the last round's bound, at least 0
   * @param reduce whether to apply partial-order reduction (off: every schedule within the bound)
   */
  public ExhaustivePolicy(int maxPreemptions, boolean reduce) {
    this.maxPreemptions = maxPreemptions;
    this.reduce = reduce;
    this.tree = new ChoiceTree(reduce);
  }

  @Override
  public void beginSchedule(int index) {
    tree.begin();
    run = reduce ? new Footprints(fieldIds) : null;
  }

  @Override
  public TransitionObserver observer() {
    return run;
  }

  @Override
  public int pickThread(
      ThreadView[] options, int enabled, int wakeable, ThreadView current, int step) {
    int currentId = -1;
    for (int i = 0; i < enabled; i++) {
      if (options[i] == current) currentId = current.id;
    }
    if (run != null) run.atNode(tree.depth());
    ThreadView[] offered = options;
    if (enabled > 1 && PctPolicy.gaveWay(current, options, enabled)) {
      offered = inTurnAfter(options, current, enabled);
    }
    return indexOf(options, tree.next(offered, enabled + wakeable, currentId, false).chosen);
  }

  /**
   * The options with the {@code enabled} ones rotated to start at the first id after {@code
   * current}, which gave way: the default continuation then hands over in turn. Handing over to the
   * lowest id would let two spinning threads (a token ring) give way to each other for ever while
   * the one they wait for never ran.
   */
  private static ThreadView[] inTurnAfter(
      ThreadView[] options, ThreadView current, int enabled) {
    int first = 0;
    while (first < enabled && options[first].id < current.id) first++;
    if (first == enabled) first = 0;
    ThreadView[] rotated = options.clone();
    for (int i = 0; i < enabled; i++) rotated[i] = options[(first + i) % enabled];
    return rotated;
  }

  @Override
  public int pickWaiter(ThreadView[] waiters, int count) {
    return indexOf(waiters, tree.next(waiters, count, -1, true).chosen);
  }

  private static int indexOf(ThreadView[] options, int id) {
    for (int i = 0; ; i++) {
      if (options[i].id == id) return i;
    }
  }

  @Override
  public void endSchedule(int steps) {
    tree.endRun();
    int[] choices = tree.choices(tree.size());
    if (seen.add(KeptRuns.fingerprint(choices, choices.length))) {
      distinct++;
    } else {
      repeated++;
    }
    if (run != null) {
      run.forgetObjects();
      analyse(run);
    }
    kept.keep(tree, choices, run);
    advance();
  }

  private void analyse(Footprints steps) {
    if (!new RaceAnalysis(steps, tree.points()).addBacktracks()) unreducedRuns = true;
  }

  /** Moves to the next schedule to run, walking through kept runs without running them. */
  private void advance() {
    while (true) {
      int p = tree.nextBranch(bound);
      if (p >= 0) {
        if (kept.walk(tree, p + 1, this::analyse)) continue;
        return;
      }
      if (tree.boundCut() && bound < maxPreemptions) {
        bound++;
        tree.startRound();
        if (kept.walk(tree, 0, this::analyse)) continue;
        return;
      }
      exhausted = true;
      return;
    }
  }

  // ---- reporting ----------------------------------------------------------------------------

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  /** Each schedule depends on the ones before: the search cannot be split. */
  @Override
  public boolean splittable() {
    return false;
  }

  @Override
  public boolean enumerates() {
    return true;
  }

  /** An enumeration cannot start half-way: random choices continue a lenient replay. */
  @Override
  public SchedulePolicy afterLenientReplay(long seed) {
    return new RandomPolicy(seed);
  }

  @Override
  public String name() {
    return "EXHAUSTIVE";
  }

  /** The round the search is in: schedules with at most this many preemptions. */
  public int bound() {
    return bound;
  }

  /** Preemptions of the schedule that ran last. */
  public int preemptionsOfLastRun() {
    return tree.preemptions();
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
      if (tree.boundCut()) {
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
      b.append(b.length() > 0 ? " " : "").append("Schedules of more than ").append(RaceAnalysis.ANALYSED_STEPS)
          .append(" steps branched at every choice, without reduction.");
    }
    if (tree.nondeterministic()) {
      b.append(b.length() > 0 ? " " : "").append("The scenario did not repeat itself under the same"
          + " choices (it depends on something Baton does not control), so the enumeration may be"
          + " incomplete.");
    }
    return b.toString();
  }
}
