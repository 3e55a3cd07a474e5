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

  private static Actor actor(List<SpecOperations.OperationMethod> allowed, SplittableRandom random) {
    SpecOperations.OperationMethod op = allowed.get(random.nextInt(allowed.size()));
    Object[] args = new Object[op.parameters().size()];
    for (int i = 0; i < args.length; i++) args[i] = op.parameters().get(i).draw(random);
    return new Actor(op, args);
  }
}
