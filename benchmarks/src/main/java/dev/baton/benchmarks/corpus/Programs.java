package dev.baton.benchmarks.corpus;

/**
 * The entry points of the {@link Corpus} programs, buggy and fixed, as static methods of a class
 * without static state: Baton defines a scenario's class anew for every schedule when it has
 * static state (as an enum does), which would build the whole corpus again for each one.
 */
final class Programs {
  private Programs() {}

  static void writers2() throws Exception {
    Races.writers(2, 0, false);
  }

  static void writers2Fixed() throws Exception {
    Races.writers(2, 0, true);
  }

  static void writers3() throws Exception {
    Races.writers(3, 0, false);
  }

  static void writers3Fixed() throws Exception {
    Races.writers(3, 0, true);
  }

  static void writers9() throws Exception {
    Races.writers(9, 0, false);
  }

  static void writers9Fixed() throws Exception {
    Races.writers(9, 0, true);
  }

  static void writers10And10() throws Exception {
    Races.writers(10, 10, false);
  }

  static void writers10And10Fixed() throws Exception {
    Races.writers(10, 10, true);
  }

  static void writers49() throws Exception {
    Races.writers(49, 0, false);
  }

  static void writers49Fixed() throws Exception {
    Races.writers(49, 0, true);
  }

  static void writers99() throws Exception {
    Races.writers(99, 0, false);
  }

  static void writers99Fixed() throws Exception {
    Races.writers(99, 0, true);
  }

  static void twoStage99() throws Exception {
    Races.twoStage(98, false);
  }

  static void twoStage99Fixed() throws Exception {
    Races.twoStage(98, true);
  }

  static void lazyInit() throws Exception {
    Races.lazyInit(false);
  }

  static void lazyInitFixed() throws Exception {
    Races.lazyInit(true);
  }

  static void checkThenAct() throws Exception {
    Races.checkThenAct(false);
  }

  static void checkThenActFixed() throws Exception {
    Races.checkThenAct(true);
  }

  static void account() throws Exception {
    Races.accountRace(false);
  }

  static void accountFixed() throws Exception {
    Races.accountRace(true);
  }

  static void bank() throws Exception {
    Races.bankTransfers(false);
  }

  static void bankFixed() throws Exception {
    Races.bankTransfers(true);
  }

  static void doubleChecked() throws Exception {
    Races.doubleCheckedLocking(false);
  }

  static void doubleCheckedFixed() throws Exception {
    Races.doubleCheckedLocking(true);
  }

  static void volatileCounter() throws Exception {
    Races.volatileCounter(false);
  }

  static void volatileCounterFixed() throws Exception {
    Races.volatileCounter(true);
  }

  static void splitLock() throws Exception {
    Races.splitLockInvariant(false);
  }

  static void splitLockFixed() throws Exception {
    Races.splitLockInvariant(true);
  }

  static void workStealing() throws Exception {
    Structures.workStealing(false);
  }

  static void workStealingFixed() throws Exception {
    Structures.workStealing(true);
  }

  static void circularBuffer() throws Exception {
    Structures.circularBuffer(false);
  }

  static void circularBufferFixed() throws Exception {
    Structures.circularBuffer(true);
  }

  static void readerWriter() throws Exception {
    Structures.readerWriter(false);
  }

  static void readerWriterFixed() throws Exception {
    Structures.readerWriter(true);
  }

  static void queueCheckThenRemove() throws Exception {
    Structures.queueCheckThenRemove(false);
  }

  static void queueCheckThenRemoveFixed() throws Exception {
    Structures.queueCheckThenRemove(true);
  }

  static void iterateWhileAdding() throws Exception {
    Structures.iterateWhileAdding(false);
  }

  static void iterateWhileAddingFixed() throws Exception {
    Structures.iterateWhileAdding(true);
  }

  static void waitWithIf() throws Exception {
    Structures.waitWithIf(false);
  }

  static void waitWithIfFixed() throws Exception {
    Structures.waitWithIf(true);
  }

  static void lockOrder() throws Exception {
    Blocking.lockOrderMonitors(false);
  }

  static void lockOrderFixed() throws Exception {
    Blocking.lockOrderMonitors(true);
  }

  static void philosophers() throws Exception {
    Blocking.diningPhilosophers(false);
  }

  static void philosophersFixed() throws Exception {
    Blocking.diningPhilosophers(true);
  }

  static void nestedMonitor() throws Exception {
    Blocking.nestedMonitor(false);
  }

  static void nestedMonitorFixed() throws Exception {
    Blocking.nestedMonitor(true);
  }

  static void lostSignal() throws Exception {
    Blocking.lostSignal(false);
  }

  static void lostSignalFixed() throws Exception {
    Blocking.lostSignal(true);
  }

  static void deadlineWait() throws Exception {
    Blocking.deadlineWait(false);
  }

  static void deadlineWaitFixed() throws Exception {
    Blocking.deadlineWait(true);
  }

  static void tokenRing() throws Exception {
    Blocking.tokenRing(false);
  }

  static void tokenRingFixed() throws Exception {
    Blocking.tokenRing(true);
  }

  static void latch() throws Exception {
    Blocking.latchBeforePublish(false);
  }

  static void latchFixed() throws Exception {
    Blocking.latchBeforePublish(true);
  }

  static void barrier() throws Exception {
    Blocking.barrierMisuse(false);
  }

  static void barrierFixed() throws Exception {
    Blocking.barrierMisuse(true);
  }

  static void executorShutdown() throws Exception {
    Blocking.executorShutdown(false);
  }

  static void executorShutdownFixed() throws Exception {
    Blocking.executorShutdown(true);
  }
}
