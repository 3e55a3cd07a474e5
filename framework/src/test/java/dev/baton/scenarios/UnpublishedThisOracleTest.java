package dev.baton.scenarios;

import dev.baton.Scenario;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle for the rules that skip accesses to objects no other thread can see yet (a
 * constructor's own {@code this}, a method's own allocations): on buggy and correct programs of
 * every kind (races, deadlocks, lost wake-ups, executors, this-escapes, arrays and nodes published
 * early), the bounded exhaustive search with the rules ends with the same failure kind as the
 * search without them, or both find none, and no schedule with the rules is longer.
 */
class UnpublishedThisOracleTest {
  @TestFactory
  Stream<DynamicTest> theRuleFindsWhatTheSearchWithoutItFinds() {
    return Stream.of(
            EscapeScenarios.PublishedBeforeWrite.class,
            EscapeScenarios.ListenerBeforeWrite.class,
            EscapeScenarios.SuperclassLeak.class,
            EscapeScenarios.LoopLeak.class,
            EscapeScenarios.ThreadStartedInConstructor.class,
            EscapeScenarios.PublishedAfterWrite.class,
            EscapeScenarios.ManyPoints.class,
            EscapeScenarios.ArrayPublishedBeforeFill.class,
            EscapeScenarios.LostPush.class,
            EscapeScenarios.PassedThenWritten.class,
            EscapeScenarios.LoopPublishesEarly.class,
            EscapeScenarios.LocalBuffers.class,
            LostUpdate.class, SynchronizedUpdate.class, AtomicUpdate.class, CheckThenAct.class,
            PutIfAbsent.class, MonitorDeadlock.class, ReentrantDeadlock.class, LostWakeup.class,
            GuardedWait.class, LostSignal.class, ExecutorLostUpdate.class, ChildException.class,
            UnlockedIteration.class, LostNotify.class, ReadWriteLock.class, StampedRead.class,
            ParkAndUnpark.class)
        .map(type -> DynamicTest.dynamicTest(type.getSimpleName(),
            () -> PointRuleOracle.assertSameEnding(type, null)));
  }

  // ---- programs of the other corpora, as scenario classes the rule switch can load afresh ----

  public static final class LostUpdate implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.lostUpdate();
    }
  }

  public static final class SynchronizedUpdate implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.synchronizedUpdate();
    }
  }

  public static final class AtomicUpdate implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.atomicUpdate();
    }
  }

  public static final class CheckThenAct implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.checkThenActOnConcurrentMap();
    }
  }

  public static final class PutIfAbsent implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.putIfAbsentOnConcurrentMap();
    }
  }

  public static final class MonitorDeadlock implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.synchronizedLockOrderDeadlock();
    }
  }

  public static final class ReentrantDeadlock implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.reentrantLockOrderDeadlock();
    }
  }

  public static final class LostWakeup implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.lostWakeup();
    }
  }

  public static final class GuardedWait implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.guardedWait();
    }
  }

  public static final class LostSignal implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.lostSignal();
    }
  }

  public static final class ExecutorLostUpdate implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.executorLostUpdate();
    }
  }

  public static final class ChildException implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.exceptionInChildThread();
    }
  }

  public static final class UnlockedIteration implements Scenario {
    @Override
    public void run() throws Exception {
      Scenarios.iterateSynchronizedListWithoutItsLock();
    }
  }

  public static final class LostNotify implements Scenario {
    @Override
    public void run() throws Exception {
      ReductionCorpus.lostNotify();
    }
  }

  public static final class ReadWriteLock implements Scenario {
    @Override
    public void run() throws Exception {
      ReductionCorpus.readWriteLock();
    }
  }

  public static final class StampedRead implements Scenario {
    @Override
    public void run() throws Exception {
      ReductionCorpus.stampedOptimisticRead();
    }
  }

  public static final class ParkAndUnpark implements Scenario {
    @Override
    public void run() throws Exception {
      ReductionCorpus.parkAndUnpark();
    }
  }
}
