package dev.baton.lincheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The operations each thread runs, in order. Generated from a random stream, so the same seed gives
 * the same scenario: in Baton's mode the stream is the schedule's own, which makes a replay token
 * enough to rebuild the scenario of its schedule.
 */
record Scenario(List<Actor> init, List<List<Actor>> threads, List<Actor> post) {

  /**
   * A scenario of {@code threads} threads with {@code actorsPerThread} operations each, between an
   * initial and a final part of 0 to {@code actorsPerThread} operations run alone (as Lincheck's
   * {@code actorsBefore} and {@code actorsAfter}: a stack needs elements before two pops can race,
   * and a lost push shows in the pops after). The operations of one non-parallel group all go to
   * one thread (drawn), as Lincheck does.
   */
  static Scenario generate(
      SpecOperations spec, int threads, int actorsPerThread, SplittableRandom random) {
    Map<String, Integer> groupThread = new HashMap<>();
    for (SpecOperations.OperationMethod op : spec.operations()) {
      if (!op.nonParallelGroup().isEmpty() && !groupThread.containsKey(op.nonParallelGroup())) {
        groupThread.put(op.nonParallelGroup(), random.nextInt(threads));
      }
    }
    List<Actor> init = new ArrayList<>();
    int initSize = random.nextInt(actorsPerThread + 1);
    for (int a = 0; a < initSize; a++) init.add(actor(spec.operations(), random));
    List<List<Actor>> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<SpecOperations.OperationMethod> allowed = new ArrayList<>();
      for (SpecOperations.OperationMethod op : spec.operations()) {
        if (op.nonParallelGroup().isEmpty() || groupThread.get(op.nonParallelGroup()) == t) {
          allowed.add(op);
        }
      }
      List<Actor> actors = new ArrayList<>();
      for (int a = 0; a < actorsPerThread && !allowed.isEmpty(); a++) {
        actors.add(actor(allowed, random));
      }
      all.add(List.copyOf(actors));
    }
    List<Actor> post = new ArrayList<>();
    int postSize = random.nextInt(actorsPerThread + 1);
    for (int a = 0; a < postSize; a++) post.add(actor(spec.operations(), random));
    return new Scenario(List.copyOf(init), List.copyOf(all), List.copyOf(post));
  }

  /**
   * The scenario as a table, like Lincheck's: the initial part, one column per thread of the
   * parallel part, the final part.
   */
  String table() {
    StringBuilder b = new StringBuilder();
    if (!init.isEmpty()) b.append("first, alone in main: ").append(joined(init)).append('\n');
    int rows = threads.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[threads.size()];
    for (int t = 0; t < threads.size(); t++) {
      widths[t] = LinearizabilityViolation.threadName(t).length();
      for (Actor a : threads.get(t)) widths[t] = Math.max(widths[t], a.toString().length());
    }
    for (int r = -1; r < rows; r++) {
      b.append('|');
      for (int t = 0; t < threads.size(); t++) {
        List<Actor> column = threads.get(t);
        String cell = r < 0 ? LinearizabilityViolation.threadName(t)
            : r < column.size() ? column.get(r).toString() : "";
        b.append(' ').append(cell).append(" ".repeat(widths[t] - cell.length())).append(" |");
      }
      b.append('\n');
      if (r < 0) {
        b.append('|');
        for (int w : widths) b.append("-".repeat(w + 2)).append('|');
        b.append('\n');
      }
    }
    if (!post.isEmpty()) b.append("then, alone in main: ").append(joined(post)).append('\n');
    return b.toString();
  }

  private static String joined(List<Actor> actors) {
    List<String> names = new ArrayList<>();
    for (Actor a : actors) names.add(a.toString());
    return String.join(", ", names);
  }

  private static Actor actor(List<SpecOperations.OperationMethod> allowed, SplittableRandom random) {
    SpecOperations.OperationMethod op = allowed.get(random.nextInt(allowed.size()));
    Object[] args = new Object[op.parameters().size()];
    for (int i = 0; i < args.length; i++) args[i] = op.parameters().get(i).draw(random);
    return new Actor(op, args);
  }
}
