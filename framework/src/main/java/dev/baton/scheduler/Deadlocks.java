package dev.baton.scheduler;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Finds a cycle in the waits-for graph of blocked threads: A waits for what B holds, B for A. */
final class Deadlocks {
  private Deadlocks() {}

  /** The threads of a cycle in order, starting from the lowest id; or null when there is none. */
  static List<ManagedThread> findCycle(List<Failure.BlockedThread> blocked) {
    Map<ManagedThread, ManagedThread> waitsFor = new IdentityHashMap<>();
    for (Failure.BlockedThread b : blocked) {
      if (b.holder() != null && b.holder() != b.thread()) waitsFor.put(b.thread(), b.holder());
    }
    for (Failure.BlockedThread start : blocked) {
      List<ManagedThread> path = new ArrayList<>();
      ManagedThread t = start.thread();
      while (t != null && !path.contains(t)) {
        path.add(t);
        t = waitsFor.get(t);
      }
      if (t != null) {
        List<ManagedThread> cycle = new ArrayList<>(path.subList(path.indexOf(t), path.size()));
        int lowest = 0;
        for (int i = 1; i < cycle.size(); i++) {
          if (cycle.get(i).id < cycle.get(lowest).id) lowest = i;
        }
        List<ManagedThread> ordered = new ArrayList<>(cycle.subList(lowest, cycle.size()));
        ordered.addAll(cycle.subList(0, lowest));
        return ordered;
      }
    }
    return null;
  }
}
