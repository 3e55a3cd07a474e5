package dev.baton.samples.reallibs.fixed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Strategy;
import dev.baton.samples.reallibs.CommonsPoolScenarios;
import dev.baton.samples.reallibs.Releases;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.pool.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;

/**
 * Commons Pool 1.6, with the fix of POOL-189. The schedules that hang 1.5.4 (the borrower waits,
 * then the pool closes) now end with the borrower woken and told "Pool closed". But the fix wakes
 * only the borrowers already waiting: {@code close} notifies each waiting borrower's latch, and
 * a borrower that has checked that the pool is open but not yet started to wait misses that
 * notification, then waits on its latch without checking again. Baton finds that window too: a
 * lost wakeup, the same hang in a narrower window.
 */
class CommonsPoolFixedCloseTest {

  /** A seed whose first failure comes after schedules that the fix handles (see the test). */
  private static final long SEED = 6805446966852674886L;

  @Test
  void closeWakesABorrowerThatWaitsButNotOneAboutToWait() {
    Releases.requireFixed(GenericObjectPool.class, "1.6");
    AtomicInteger wokenByClose = new AtomicInteger();

    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().strategy(Strategy.PCT).seed(SEED).explore(() -> {
          Throwable seen = CommonsPoolScenarios.closeWhileABorrowerWaits();
          assertThat(seen).isInstanceOf(IllegalStateException.class);
          if ("Pool closed".equals(seen.getMessage())) wokenByClose.incrementAndGet();
        }));

    assertThat(wokenByClose.get()).as("schedules before the failure in which close woke the"
        + " waiting borrower, the ones that hang 1.5.4").isPositive();
    assertThat(failure).as("Baton should find the lost wakeup").isNotNull();
    System.out.println("[commons-pool 1.6] " + failure.getMessage());
    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.DEADLOCK);
    String trace = failure.trace();
    int passedOpenCheck = trace.indexOf("borrower  read BaseObjectPool.closed");
    int notified = trace.indexOf("main      notify GenericObjectPool$Latch#1");
    int waits = trace.indexOf("borrower  wait GenericObjectPool$Latch#1");
    assertThat(new int[] {passedOpenCheck, notified, waits})
        .as("the borrower checks the pool is open, close notifies, then the borrower waits")
        .doesNotContain(-1).isSorted();

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(failure.replayToken())
            .explore(CommonsPoolScenarios::closeWhileABorrowerWaits));
    assertThat(replayed).as("the replay should lose the wakeup too").isNotNull();
    assertThat(replayed.trace()).isEqualTo(trace);
  }
}
