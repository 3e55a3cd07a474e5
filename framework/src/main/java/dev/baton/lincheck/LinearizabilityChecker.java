package dev.baton.lincheck;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a complete history is linearizable with respect to a sequential specification:
 * whether some order of its operations, each placed between its call and its return, gives every
 * operation the result it had when it is run one at a time on a fresh instance.
 *
 * <p>Wing and Gong's search: linearize, one at a time, an operation that is minimal (no other
 * pending operation returned before it was called), check its result against the sequential
 * specification, and backtrack on a mismatch. Searched states are memoised as (set of linearized
 * operations, specification state), as in Lowe's refinement of the algorithm; two specification
 * states are the same when the spec's own {@code equals} says so, which is Lincheck's convention
 * too. A spec that does not override {@code equals} and {@code hashCode} has no state equality, so
 * every order is its own state and nothing is memoised (correct, only slower; the scenarios of a
 * unit test are small). A state is rebuilt by replaying its order on a fresh instance, so the spec
 * needs no copy method.
 */
final class LinearizabilityChecker {
  /** The sequential side: fresh instances and one operation at a time. */
  interface SequentialSpec {
    Object fresh();

    OperationResult apply(Object instance, Actor actor);

    /** Whether instances have a meaningful {@code equals}/{@code hashCode}: memoise on them. */
    boolean statesComparable();
  }

  /**
   * Why a history is not linearizable: the longest order of its operations that the sequential
   * spec agrees with, and what each operation that could come next would have given instead.
   */
  record Violation(List<History.Operation> longestPrefix, List<Mismatch> next) {}

  /** An operation that could be linearized next and the result the spec would give it there. */
  record Mismatch(History.Operation operation, OperationResult sequential) {}

  private final List<History.Operation> ops;
  private final SequentialSpec spec;
  private final Set<Object> visited = new HashSet<>();
  private List<Integer> deepest = List.of();
  private List<Mismatch> deepestMismatches = List.of();

  private LinearizabilityChecker(List<History.Operation> ops, SequentialSpec spec) {
    this.ops = ops;
    this.spec = spec;
  }

  /**
   * Checks {@code operations}, all completed.
   *
   * @return null when the history is linearizable, else why not
   */
  static Violation check(List<History.Operation> operations, SequentialSpec spec) {
    for (History.Operation op : operations) {
      if (!op.completed()) throw new IllegalArgumentException(op + " did not complete");
    }
    LinearizabilityChecker c = new LinearizabilityChecker(operations, spec);
    if (c.search(new BitSet(), new ArrayList<>())) return null;
    List<History.Operation> prefix = new ArrayList<>();
    for (int i : c.deepest) prefix.add(operations.get(i));
    return new Violation(prefix, c.deepestMismatches);
  }

  private boolean search(BitSet linearized, List<Integer> order) {
    if (linearized.cardinality() == ops.size()) return true;
    int firstReturn = Integer.MAX_VALUE;
    for (int i = 0; i < ops.size(); i++) {
      if (!linearized.get(i)) firstReturn = Math.min(firstReturn, ops.get(i).ret);
    }
    List<Mismatch> mismatches = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      History.Operation op = ops.get(i);
      // Minimal: it was called before any pending operation returned.
      if (linearized.get(i) || op.call > firstReturn) continue;
      Object state = replay(order);
      OperationResult sequential = spec.apply(state, op.actor);
      if (!sequential.sameAs(op.result)) {
        mismatches.add(new Mismatch(op, sequential));
        continue;
      }
      BitSet next = (BitSet) linearized.clone();
      next.set(i);
      if (spec.statesComparable() && !visited.add(new Key(next, state))) continue;
      order.add(i);
      if (search(next, order)) return true;
      order.remove(order.size() - 1);
    }
    if (order.size() > deepest.size() || deepest.isEmpty() && deepestMismatches.isEmpty()) {
      deepest = List.copyOf(order);
      deepestMismatches = List.copyOf(mismatches);
    }
    return false;
  }

  /** A fresh instance with the operations of {@code order} applied. */
  private Object replay(List<Integer> order) {
    Object state = spec.fresh();
    for (int i : order) spec.apply(state, ops.get(i).actor);
    return state;
  }

  /** A memo key: which operations are linearized and the spec state they led to. */
  private record Key(BitSet linearized, Object state) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && linearized.equals(k.linearized) && Objects.equals(state, k.state);
    }

    @Override
    public int hashCode() {
      return linearized.hashCode() * 31 + Objects.hashCode(state);
    }
  }
}
