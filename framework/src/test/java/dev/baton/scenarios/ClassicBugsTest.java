package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.*;
import java.util.*;
import java.util.concurrent.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Classic bugs in the shapes users write them: each must be found with the default settings, and
 * its token must replay the same failure.
 */
class ClassicBugsTest {
  static void iterateWhileAdding() throws Exception {
    List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
    Thread t = new Thread(() -> list.add(4));
    t.start();
    int sum = 0;
    for (int v : list) sum += v;
    t.join();
  }

  static final class Singleton {
    static Singleton instance;
    static int created;
    static Singleton get() { if (instance == null) { created++; instance = new Singleton(); } return instance; }
  }

  static void lazySingleton() throws Exception {
    Thread a = new Thread(Singleton::get), b = new Thread(Singleton::get);
    a.start(); b.start(); a.join(); b.join();
    if (Singleton.created != 1) throw new AssertionError("created " + Singleton.created);
  }

  static void cfSharedList() {
    List<Integer> out = new ArrayList<>();
    CompletableFuture<Void> a = CompletableFuture.runAsync(() -> { int n = out.size(); out.add(n); });
    CompletableFuture<Void> b = CompletableFuture.runAsync(() -> { int n = out.size(); out.add(n); });
    CompletableFuture.allOf(a, b).join();
    if (!out.equals(List.of(0, 1))) throw new AssertionError("out " + out);
  }

  static void latchTooEarly() throws Exception {
    int[] result = new int[1];
    CountDownLatch done = new CountDownLatch(1);
    Thread t = new Thread(() -> { done.countDown(); result[0] = 42; });
    t.start();
    done.await();
    if (result[0] != 42) throw new AssertionError("result " + result[0]);
    t.join();
  }

  static List<Scenario> bugs() {
    return List.of(ClassicBugsTest::iterateWhileAdding, ClassicBugsTest::lazySingleton,
        ClassicBugsTest::cfSharedList, ClassicBugsTest::latchTooEarly);
  }

  @ParameterizedTest
  @MethodSource("bugs")
  void isFoundAndReplayed(Scenario scenario) {
    InterleavingFailure found =
        catchThrowableOfType(InterleavingFailure.class, () -> Interleavings.explore(scenario));
    assertThat(found).as("Baton should find the bug").isNotNull();

    InterleavingFailure replayed = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().replay(found.replayToken()).explore(scenario));

    assertThat(replayed).isNotNull();
    assertThat(replayed.trace()).isEqualTo(found.trace());
    assertThat(replayed.getCause()).hasMessage(found.getCause().getMessage());
  }
}
