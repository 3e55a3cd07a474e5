package dev.baton.benchmarks.corpus;

import dev.baton.Scenario;

/**
 * The classic-bug corpus (issue 14): programs of the SCTBench and JaConTeBe kinds, each with a
 * known concurrency bug that shows in some schedules only, and the same program with the bug
 * fixed, which must pass every schedule. Every program starts its own threads and checks its own
 * result, so it runs under {@link dev.baton.Interleavings} as it is.
 */
public enum Corpus {
  WRITERS_2("2 writers a=1;b=-1, checker last", Programs::writers2, Programs::writers2Fixed),
  WRITERS_3("3 writers, checker last", Programs::writers3, Programs::writers3Fixed),
  WRITERS_9("9 writers, checker last", Programs::writers9, Programs::writers9Fixed),
  WRITERS_10_10("10 writers, checker, 10 writers",
      Programs::writers10And10, Programs::writers10And10Fixed),
  WRITERS_49("49 writers, checker last", Programs::writers49, Programs::writers49Fixed),
  WRITERS_99("99 writers, checker last", Programs::writers99, Programs::writers99Fixed),
  TWO_STAGE_99("two-stage protocol, 98 stages + reader, two locks",
      Programs::twoStage99, Programs::twoStage99Fixed),
  LAZY_INIT("lazy initialisation without a lock", Programs::lazyInit, Programs::lazyInitFixed),
  CHECK_THEN_ACT("check-then-act: 3 sellers, 2 tickets",
      Programs::checkThenAct, Programs::checkThenActFixed),
  ACCOUNT("account: two withdrawals of 80 from 100", Programs::account, Programs::accountFixed),
  BANK("bank: ring of transfers locking the source only", Programs::bank, Programs::bankFixed),
  DOUBLE_CHECKED("double-checked locking, published before initialised",
      Programs::doubleChecked, Programs::doubleCheckedFixed),
  VOLATILE_COUNTER("3 threads x 2 increments of a volatile int",
      Programs::volatileCounter, Programs::volatileCounterFixed),
  SPLIT_LOCK("invariant low <= high under two locks",
      Programs::splitLock, Programs::splitLockFixed),
  WORK_STEALING("work-stealing deque: last task taken twice",
      Programs::workStealing, Programs::workStealingFixed),
  CIRCULAR_BUFFER("circular buffer with a plain count",
      Programs::circularBuffer, Programs::circularBufferFixed),
  READER_WRITER("spin reader-writer lock, writer test-then-set",
      Programs::readerWriter, Programs::readerWriterFixed),
  QUEUE_CHECK_THEN_REMOVE("isEmpty() then remove() by 2 consumers",
      Programs::queueCheckThenRemove, Programs::queueCheckThenRemoveFixed),
  ITERATE_WHILE_ADDING("ArrayList iterated while another thread adds",
      Programs::iterateWhileAdding, Programs::iterateWhileAddingFixed),
  WAIT_WITH_IF("bounded buffer: wait in an if, not a while",
      Programs::waitWithIf, Programs::waitWithIfFixed),
  LOCK_ORDER("lock-order deadlock, synchronized", Programs::lockOrder, Programs::lockOrderFixed),
  PHILOSOPHERS("3 dining philosophers, ReentrantLock",
      Programs::philosophers, Programs::philosophersFixed),
  NESTED_MONITOR("nested monitor lockout (wait/notify)",
      Programs::nestedMonitor, Programs::nestedMonitorFixed),
  LOST_SIGNAL("lost signal: Condition tested outside the lock",
      Programs::lostSignal, Programs::lostSignalFixed),
  DEADLINE_WAIT("worker waits before a sleep(200) ends, no notify",
      Programs::deadlineWait, Programs::deadlineWaitFixed),
  TOKEN_RING("token ring of 3, count after passing the token",
      Programs::tokenRing, Programs::tokenRingFixed),
  LATCH("latch counted down before the result is written", Programs::latch, Programs::latchFixed),
  BARRIER("CyclicBarrier: the other's part read before await",
      Programs::barrier, Programs::barrierFixed),
  EXECUTOR_SHUTDOWN("executor: work assumed done after shutdown()",
      Programs::executorShutdown, Programs::executorShutdownFixed);

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
