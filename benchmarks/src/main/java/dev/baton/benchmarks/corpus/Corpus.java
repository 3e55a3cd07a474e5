package dev.baton.benchmarks.corpus;

import dev.baton.Scenario;

/**
 * The classic-bug corpus (issue 14): programs of the SCTBench and JaConTeBe kinds, each with a
 * known concurrency bug that shows in some schedules only, and the same program with the bug
 * fixed, which must pass every schedule. Every program starts its own threads and checks its own
 * result, so it runs under {@link dev.baton.Interleavings} as it is.
 */
public enum Corpus {
  WRITERS_2("2 writers a=1;b=-1, checker last", () -> Races.writers(2, 0, false),
      () -> Races.writers(2, 0, true)),
  WRITERS_3("3 writers, checker last", () -> Races.writers(3, 0, false),
      () -> Races.writers(3, 0, true)),
  WRITERS_9("9 writers, checker last", () -> Races.writers(9, 0, false),
      () -> Races.writers(9, 0, true)),
  WRITERS_10_10("10 writers, checker, 10 writers", () -> Races.writers(10, 10, false),
      () -> Races.writers(10, 10, true)),
  WRITERS_49("49 writers, checker last", () -> Races.writers(49, 0, false),
      () -> Races.writers(49, 0, true)),
  WRITERS_99("99 writers, checker last", () -> Races.writers(99, 0, false),
      () -> Races.writers(99, 0, true)),
  TWO_STAGE_99("two-stage protocol, 98 stages + reader, two locks",
      () -> Races.twoStage(98, false), () -> Races.twoStage(98, true)),
  LAZY_INIT("lazy initialisation without a lock", () -> Races.lazyInit(false),
      () -> Races.lazyInit(true)),
  CHECK_THEN_ACT("check-then-act: 3 sellers, 2 tickets", () -> Races.checkThenAct(false),
      () -> Races.checkThenAct(true)),
  ACCOUNT("account: two withdrawals of 80 from 100", () -> Races.accountRace(false),
      () -> Races.accountRace(true)),
  BANK("bank: ring of transfers locking the source only", () -> Races.bankTransfers(false),
      () -> Races.bankTransfers(true)),
  DOUBLE_CHECKED("double-checked locking, published before initialised",
      () -> Races.doubleCheckedLocking(false), () -> Races.doubleCheckedLocking(true)),
  VOLATILE_COUNTER("3 threads x 2 increments of a volatile int", () -> Races.volatileCounter(false),
      () -> Races.volatileCounter(true)),
  SPLIT_LOCK("invariant low <= high under two locks", () -> Races.splitLockInvariant(false),
      () -> Races.splitLockInvariant(true)),
  WORK_STEALING("work-stealing deque: last task taken twice", () -> Structures.workStealing(false),
      () -> Structures.workStealing(true)),
  CIRCULAR_BUFFER("circular buffer with a plain count", () -> Structures.circularBuffer(false),
      () -> Structures.circularBuffer(true)),
  READER_WRITER("spin reader-writer lock, writer test-then-set",
      () -> Structures.readerWriter(false), () -> Structures.readerWriter(true)),
  QUEUE_CHECK_THEN_REMOVE("isEmpty() then remove() by 2 consumers",
      () -> Structures.queueCheckThenRemove(false), () -> Structures.queueCheckThenRemove(true)),
  ITERATE_WHILE_ADDING("ArrayList iterated while another thread adds",
      () -> Structures.iterateWhileAdding(false), () -> Structures.iterateWhileAdding(true)),
  WAIT_WITH_IF("bounded buffer: wait in an if, not a while", () -> Structures.waitWithIf(false),
      () -> Structures.waitWithIf(true)),
  LOCK_ORDER("lock-order deadlock, synchronized", () -> Blocking.lockOrderMonitors(false),
      () -> Blocking.lockOrderMonitors(true)),
  PHILOSOPHERS("3 dining philosophers, ReentrantLock", () -> Blocking.diningPhilosophers(false),
      () -> Blocking.diningPhilosophers(true)),
  NESTED_MONITOR("nested monitor lockout (wait/notify)", () -> Blocking.nestedMonitor(false),
      () -> Blocking.nestedMonitor(true)),
  LOST_SIGNAL("lost signal: Condition tested outside the lock", () -> Blocking.lostSignal(false),
      () -> Blocking.lostSignal(true)),
  DEADLINE_WAIT("worker waits before a sleep(200) ends, no notify",
      () -> Blocking.deadlineWait(false), () -> Blocking.deadlineWait(true)),
  TOKEN_RING("token ring of 3, count after passing the token", () -> Blocking.tokenRing(false),
      () -> Blocking.tokenRing(true)),
  LATCH("latch counted down before the result is written",
      () -> Blocking.latchBeforePublish(false), () -> Blocking.latchBeforePublish(true)),
  BARRIER("CyclicBarrier: the other's part read before await", () -> Blocking.barrierMisuse(false),
      () -> Blocking.barrierMisuse(true)),
  EXECUTOR_SHUTDOWN("executor: work assumed done after shutdown()",
      () -> Blocking.executorShutdown(false), () -> Blocking.executorShutdown(true));

  /** What the program does, for tables. */
  public final String label;
  /** The program with its bug: fails in some schedules. */
  public final Scenario bug;
  /** The same program with the bug fixed: passes every schedule. */
  public final Scenario fixed;

  Corpus(String label, Scenario bug, Scenario fixed) {
    this.label = label;
    this.bug = bug;
    this.fixed = fixed;
  }
}
