package dev.baton.scenarios;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import org.junit.jupiter.api.Test;

class ScratchCountsTest {
  static final class Cell { int x; int y; }

  static void twoWritersDifferent() throws Exception {
    Cell c = new Cell();
    Thread a = new Thread(() -> c.x = 1);
    Thread b = new Thread(() -> c.y = 1);
    a.start(); b.start(); a.join(); b.join();
  }
  static void twoWritersSame() throws Exception {
    Cell c = new Cell();
    Thread a = new Thread(() -> c.x = 1);
    Thread b = new Thread(() -> c.x = 2);
    a.start(); b.start(); a.join(); b.join();
  }
  static void oneWorker() throws Exception {
    Cell c = new Cell();
    Thread a = new Thread(() -> c.x = 1);
    a.start(); c.y = 2; a.join();
  }
  static void oneWorkerSame() throws Exception {
    Cell c = new Cell();
    Thread a = new Thread(() -> c.x = 1);
    a.start(); c.x = 2; a.join();
  }
  static void locked() throws Exception {
    Cell c = new Cell();
    Object lock = new Object();
    Runnable r = () -> { synchronized (lock) { c.x++; } };
    Thread a = new Thread(r);
    Thread b = new Thread(r);
    a.start(); b.start(); a.join(); b.join();
  }

  void show(String name, dev.baton.Scenario s) {
    for (boolean reduce : new boolean[] {true, false}) {
      for (int k = 0; k <= 3; k++) {
        ExplorationResult r = Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(100000)
            .maxPreemptions(k).reduction(reduce).explore(s);
        System.out.println("COUNT " + name + " reduce=" + reduce + " k=" + k + " runs=" + r.schedules() + " complete=" + r.complete() + " :: " + r.note());
      }
    }
  }

  @Test
  void counts() {
    show("twoWritersDifferent", ScratchCountsTest::twoWritersDifferent);
    show("twoWritersSame", ScratchCountsTest::twoWritersSame);
    show("oneWorker", ScratchCountsTest::oneWorker);
    show("oneWorkerSame", ScratchCountsTest::oneWorkerSame);
    show("locked", ScratchCountsTest::locked);
  }
}
