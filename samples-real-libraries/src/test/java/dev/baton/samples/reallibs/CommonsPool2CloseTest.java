package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;

/**
 * Commons Pool 2.12.0 on the scenario of POOL-189: {@code close} interrupts the borrowers waiting
 * on the idle queue, and a waiting borrower is told so. But, as in 1.6, a borrower that has checked
 * that the pool is open and not yet started to wait is not among them, and then waits on the
 * idle queue forever. Baton finds that schedule and replays it.
 */
class CommonsPool2CloseTest {

  @Test
  void aBorrowerAboutToWaitWhenThePoolClosesWaitsForever() {
    Releases.requireBuggy(GenericObjectPool.class, "2.12.0");

    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.explore(CommonsPool2Scenarios::closeWhileABorrowerWaits));

    assertThat(failure).as("Baton should find the borrower that close does not reach, at its"
        + " defaults").isNotNull();
    System.out.println("[commons-pool2 2.12.0] " + failure.getMessage());
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    assertThat(failure.getMessage())
        .contains("borrower waits for Condition#1, at LinkedBlockingDeque.takeFirst");
    String trace = failure.trace();
    int passedOpenCheck = trace.indexOf("borrower  read BaseGenericObjectPool.closed");
    int closed = trace.indexOf("main      write GenericObjectPool.closed");
    int interrupted = trace.indexOf("InterruptibleReentrantLock.interruptWaiters");
    int waits = trace.indexOf("borrower  call Condition.await");
    assertThat(new int[] {passedOpenCheck, closed, interrupted, waits})
        .as("the borrower checks the pool is open, close interrupts the waiters, then it waits")
        .doesNotContain(-1).isSorted();

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken())
            .explore(CommonsPool2Scenarios::closeWhileABorrowerWaits));
    assertThat(replayed).as("the replay should hang the borrower too").isNotNull();
    assertThat(replayed.schedule()).isEqualTo(failure.schedule());
    assertThat(replayed.trace()).isEqualTo(trace);
  }

  /**
   * The borrower that waited before {@code close} is interrupted and told so: the 1.5.4 hang is
   * fixed. Count those schedules until the first failure, with a seed whose first failure comes
   * late enough to see some.
   */
  @Test
  void aBorrowerAlreadyWaitingIsInterruptedByClose() {
    Releases.requireBuggy(GenericObjectPool.class, "2.12.0");
    int[] interrupted = new int[1];

    catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.PCT).seed(SEED).explore(() -> {
          Throwable seen = CommonsPool2Scenarios.closeWhileABorrowerWaits();
          assertThat(seen).isInstanceOfAny(InterruptedException.class, IllegalStateException.class);
          if (seen instanceof InterruptedException) interrupted[0]++;
        }));

    assertThat(interrupted[0]).as("schedules in which close interrupted the waiting borrower")
        .isPositive();
  }

  private static final long SEED = 1;
}
