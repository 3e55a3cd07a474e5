package dev.baton.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExploreInterleavings;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * This module's build runs its tests with JaCoCo's agent (see pom.xml): Baton attaches its own
 * agent beside it, still finds and replays the lost update, and passes the fixed counter, while
 * JaCoCo instruments the classes Baton loads too.
 */
class CoverageAgentTest {

  @org.junit.jupiter.api.Test
  void jacocoIsActiveAndBatonStillFindsAndReplaysTheLostUpdate() {
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .as("this module's Surefire runs with JaCoCo's agent")
        .anySatisfy(arg -> assertThat(arg).startsWith("-javaagent:").contains("jacoco"));
    assertThat(hasJacocoProbes(HitCounter.class)).as("JaCoCo instrumented HitCounter").isTrue();

    InterleavingFailure found = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().seed(11).explore(HitCounterTest::twoPlainHits));
    assertThat(found).isNotNull();
    assertThat(found.getMessage()).contains("lost update: hits = 1");

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken())
            .explore(HitCounterTest::twoPlainHits));
    assertThat(replayed).isNotNull();
    assertThat(replayed.trace()).isEqualTo(found.trace());
  }

  @ExploreInterleavings(schedules = 200)
  void classesBatonLoadsCarryJacocoProbesToo() throws InterruptedException {
    // This class was loaded again by Baton's instrumenting class loader, and JaCoCo's transformer
    // rewrote it as well: both agents' rewriting runs together.
    assertThat(HitCounter.class.getClassLoader()).isNotSameAs(ClassLoader.getSystemClassLoader());
    assertThat(hasJacocoProbes(HitCounter.class)).isTrue();
    HitCounter counter = new HitCounter();
    Thread a = new Thread(counter::hitSafely);
    Thread b = new Thread(counter::hitSafely);
    a.start();
    b.start();
    a.join();
    b.join();
    assertThat(counter.hits()).isEqualTo(2);
  }

  private static boolean hasJacocoProbes(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).map(Method::getName)
        .anyMatch(name -> name.equals("$jacocoInit"));
  }
}
