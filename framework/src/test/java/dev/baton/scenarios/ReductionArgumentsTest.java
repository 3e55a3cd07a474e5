package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import dev.baton.Scenario;
import dev.baton.Strategy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Partial-order reduction must not treat a call on a collection as touching its receiver only when
 * the call reads (or writes) another object given to it: {@code a.addAll(b)} reads {@code b}, so
 * it does not commute with {@code b.add(x)}. EXHAUSTIVE with reduction finds what it finds without.
 */
class ReductionArgumentsTest {

  @Test
  void addAllOfAListAnotherThreadChangesIsARace() {
    assertFoundWithAndWithoutReduction(ReductionArgumentsTest::addAllReadsItsArgument,
        "addAll saw the element: [1]");
  }

  @Test
  void putAllOfAMapAnotherThreadChangesIsARace() {
    assertFoundWithAndWithoutReduction(ReductionArgumentsTest::putAllReadsItsArgument,
        "putAll saw the entry: {k=1}");
  }

  private static void assertFoundWithAndWithoutReduction(Scenario scenario, String message) {
    for (boolean reduction : new boolean[] {false, true}) {
      InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
          () -> Interleavings.configure().strategy(Strategy.EXHAUSTIVE).schedules(1_000)
              .maxPreemptions(2).reduction(reduction).explore(scenario));
      assertThat(failure).as("reduction " + reduction).isNotNull();
      assertThat(failure.getCause()).hasMessage(message);
    }
  }

  static void addAllReadsItsArgument() throws InterruptedException {
    List<Integer> a = new ArrayList<>();
    List<Integer> b = new ArrayList<>();
    Thread t1 = new Thread(() -> a.addAll(b));
    Thread t2 = new Thread(() -> b.add(1));
    t1.start();
    t2.start();
    t1.join();
    t2.join();
    Scenarios.check(a.isEmpty(), "addAll saw the element: " + a);
  }

  static void putAllReadsItsArgument() throws InterruptedException {
    Map<String, Integer> a = new HashMap<>();
    Map<String, Integer> b = new HashMap<>();
    Thread t1 = new Thread(() -> a.putAll(b));
    Thread t2 = new Thread(() -> b.put("k", 1));
    t1.start();
    t2.start();
    t1.join();
    t2.join();
    Scenarios.check(a.isEmpty(), "putAll saw the entry: " + a);
  }
}
