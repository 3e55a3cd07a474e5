package dev.baton.samples.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The steps of a Baton interleaving, read back from {@code InterleavingFailure.trace()}, so that a
 * test can check which thread did what, where, and in which order. A trace line reads
 * {@code ->   49  consumer  call SynchronousQueue.offer   WorkerPool.handOff(WorkerPool.java:38)}:
 * columns separated by at least two spaces; lines that are not steps (folded repeats) are skipped.
 */
final class TraceSteps {

  /** One step: its number in the report, the thread, what it did and the source location. */
  record Step(int number, String thread, String action, String location) {
    boolean by(String name) {
      return thread.equals(name);
    }

    boolean at(String method) {
      return location.startsWith(method + "(");
    }

    @Override
    public String toString() {
      return number + "  " + thread + "  " + action + "  " + location;
    }
  }

  private final List<Step> steps;

  private TraceSteps(List<Step> steps) {
    this.steps = steps;
  }

  static TraceSteps of(String trace) {
    List<Step> steps = new ArrayList<>();
    for (String line : trace.lines().toList()) {
      String[] columns = line.replaceFirst("^->", "").trim().split("\\s{2,}");
      if (columns.length < 3 || !columns[0].matches("\\d+")) continue;
      String location = columns.length > 3 ? columns[3] : "";
      steps.add(new Step(Integer.parseInt(columns[0]), columns[1], columns[2], location));
    }
    return new TraceSteps(steps);
  }

  int size() {
    return steps.size();
  }

  Step get(int index) {
    return steps.get(index);
  }

  /** The index of the first step at or after {@code from} that matches, or -1. */
  int first(int from, Predicate<Step> matches) {
    for (int i = Math.max(from, 0); i < steps.size(); i++) {
      if (matches.test(steps.get(i))) return i;
    }
    return -1;
  }

  /** The index of the last step before {@code before} that matches, or -1. */
  int last(int before, Predicate<Step> matches) {
    for (int i = Math.min(before, steps.size()) - 1; i >= 0; i--) {
      if (matches.test(steps.get(i))) return i;
    }
    return -1;
  }

  /** The steps at these indices, one per line, for assertion messages. */
  String show(int... indices) {
    StringBuilder b = new StringBuilder("\n");
    for (int i : indices) b.append(i < 0 ? "(missing)" : steps.get(i)).append('\n');
    return b.toString();
  }
}
