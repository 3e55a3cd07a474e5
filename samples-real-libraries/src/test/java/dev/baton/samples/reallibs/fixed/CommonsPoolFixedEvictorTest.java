package dev.baton.samples.reallibs.fixed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import dev.baton.samples.reallibs.CommonsPoolScenarios;
import dev.baton.samples.reallibs.Releases;
import org.apache.commons.pool.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;

/**
 * Commons Pool 1.6, with the fix of POOL-184 (the evictor wakes waiting borrowers when it puts a
 * tested object back): the borrower makes both its borrows in every schedule, with the evictor
 * running on its Timer between and during them. 300 schedules (an explicit budget: each runs the
 * Timer, and 1000 take half a minute here); the 1.5.4 test finds the bug within a few.
 */
class CommonsPoolFixedEvictorTest {

  @Test
  void theEvictorNeverLeavesABorrowerWaiting() {
    Releases.requireFixed(GenericObjectPool.class, "1.6");

    ExplorationResult result = Interleavings.configure().schedules(300).maxSteps(20_000).explore(() -> {
      assertThat(CommonsPoolScenarios.borrowWhileTheEvictorTestsTheIdleObject()).isEqualTo(2);
    });

    assertThat(result.schedules()).isEqualTo(300);
  }
}
