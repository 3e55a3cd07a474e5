package dev.baton.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/** Bugs among many threads: one odd thread among many copies of a worker must run at one moment. */
public final class ManyThreadScenarios {
  private ManyThreadScenarios() {}

  static final class Stages {
    int data1;
    int data2;
  }

  /**
   * {@code stages} threads update {@code data1} under one lock, then {@code data2 = data1 + 1} under
   * another; a reader started last must never see the first stage without the second, and does when
   * it takes the first lock right after a writer let it go (SCTBench twostage_N).
   */
  static void twoStage(int stages) throws InterruptedException {
    Stages s = new Stages();
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    Runnable stage = () -> {
      first.lock();
      s.data1 = 1;
      first.unlock();
      second.lock();
      s.data2 = s.data1 + 1;
      second.unlock();
    };
    boolean[] torn = new boolean[1];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < stages; i++) threads.add(start(stage));
    threads.add(start(() -> {
      first.lock();
      if (s.data1 == 1) {
        second.lock();
        torn[0] = s.data2 != s.data1 + 1;
        second.unlock();
      }
      first.unlock();
    }));
    for (Thread t : threads) t.join();
    if (torn[0]) throw new AssertionError("the reader saw stage one without stage two");
  }

  public static void twoStage40() throws InterruptedException {
    twoStage(40);
  }

  private static Thread start(Runnable task) {
    Thread t = new Thread(task);
    t.start();
    return t;
  }
}
