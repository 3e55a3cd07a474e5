package dev.baton.bench;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.LockSupport;

/**
 * How much faster a schedule of many threads could be if Baton reused OS threads across schedules
 * instead of starting one per thread the scenario starts, with no Baton at all: a baton passed
 * round a ring of {@code threads} threads {@code handoffs} times by {@code park}/{@code unpark},
 * once with threads started afresh for every round (what a schedule costs at the bare-thread
 * limit, as Baton runs today) and once with the same threads reused, each round started and
 * ended at a barrier. The second is an upper bound of what reusing carriers could give, before any
 * of Baton's own work. Not a test: run it with {@code ./bench.sh CarrierReuseBound [threads]
 * [handoffs] [rounds]} (defaults 20, 40, 300; Baton's 100-thread row is 100, 190, 60).
 */
public final class CarrierReuseBound {
  private CarrierReuseBound() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int handoffs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    for (int sitting = 0; sitting < 3; sitting++) {
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) new Ring(threads).runFresh(handoffs);
      double fresh = rounds / ((System.nanoTime() - start) / 1e9);
      Pool pool = new Pool(threads);
      start = System.nanoTime();
      for (int i = 0; i < rounds; i++) pool.round(handoffs);
      double reused = rounds / ((System.nanoTime() - start) / 1e9);
      pool.stop();
      if (sitting > 0) { // the first warms up
        System.out.printf("%d threads, %d hand-offs: started afresh %.0f rounds/s, reused %.0f"
            + " rounds/s (%.1fx)%n", threads, handoffs, fresh, reused, reused / fresh);
      }
    }
  }

  /** A baton passed round a ring of threads. */
  private static final class Ring {
    final Thread[] members;
    volatile int turn;
    volatile int remaining;

    Ring(int size) {
      members = new Thread[size];
    }

    void runFresh(int handoffs) throws InterruptedException {
      remaining = handoffs;
      turn = 0;
      for (int k = 0; k < members.length; k++) {
        int me = k;
        members[k] = new Thread(() -> pass(me));
      }
      for (Thread t : members) t.start();
      for (Thread t : members) t.join();
    }

    /** Member {@code me}: waits for its turn, hands the baton on, until the hand-offs are done. */
    void pass(int me) {
      while (true) {
        while (turn != me && turn >= 0) LockSupport.park(this);
        if (turn < 0) return;
        if (--remaining <= 0) {
          turn = -1;
          for (Thread t : members) LockSupport.unpark(t);
          return;
        }
        int next = (me + 1) % members.length;
        turn = next;
        LockSupport.unpark(members[next]);
      }
    }
  }

  /** The same ring, its threads started once and reused for every round. */
  private static final class Pool {
    final Ring ring;
    final CyclicBarrier start;
    final CyclicBarrier end;
    volatile boolean stopped;

    Pool(int size) {
      ring = new Ring(size);
      start = new CyclicBarrier(size + 1);
      end = new CyclicBarrier(size + 1);
      for (int k = 0; k < size; k++) {
        int me = k;
        ring.members[k] = new Thread(() -> {
          try {
            while (true) {
              start.await();
              if (stopped) return;
              ring.pass(me);
              end.await();
            }
          } catch (InterruptedException | BrokenBarrierException e) {
            Thread.currentThread().interrupt();
          }
        });
        ring.members[k].start();
      }
    }

    void round(int handoffs) throws InterruptedException, BrokenBarrierException {
      ring.remaining = handoffs;
      ring.turn = 0;
      start.await();
      end.await();
    }

    void stop() throws InterruptedException, BrokenBarrierException {
      stopped = true;
      start.await();
      for (Thread t : ring.members) t.join();
    }
  }
}
