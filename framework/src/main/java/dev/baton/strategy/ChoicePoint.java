package dev.baton.strategy;

import java.util.BitSet;

/**
 * One choice point of {@link ExhaustivePolicy}'s search: who could run (or which waiter a {@code
 * notify} could wake), who was chosen, and the alternatives still to try ({@code backtrack}) or
 * already tried ({@code done}).
 */
final class ChoicePoint {
  final int[] options;
  /** The running thread when it could go on, else -1 (then no choice is a preemption). */
  final int current;
  final boolean waiter;
  final int preemptionsBefore;
  int chosen;
  final BitSet backtrack = new BitSet();
  final BitSet done = new BitSet();

  /**
   * A new point with its default choice taken; with {@code everyOption} (no reduction, or a
   * waiter), every option is an alternative, else only the ones races add.
   */
  ChoicePoint(int[] options, int current, boolean waiter, int preemptionsBefore,
      boolean everyOption) {
    this.options = options;
    this.current = current;
    this.waiter = waiter;
    this.preemptionsBefore = preemptionsBefore;
    chosen = defaultChoice();
    done.set(chosen);
    backtrack.set(chosen);
    if (everyOption || waiter) {
      for (int id : options) backtrack.set(id);
    }
  }

  /** Keep the running thread, else the lowest id: the choice a run makes where nothing says else. */
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

  boolean matches(ThreadView[] others, int count, int currentId, boolean isWaiter) {
    if (count != options.length || currentId != current || isWaiter != waiter) return false;
    for (int i = 0; i < count; i++) {
      if (others[i].id != options[i]) return false;
    }
    return true;
  }
}
