package dev.baton.runtimeclasses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * A class the scenario defines at run time with a loader of its own, whose static initialiser
 * runs scenario code with scheduling points, used by two threads at once: the initialiser is
 * never preempted (the other thread would wait for it on the JVM's initialisation lock, outside
 * Baton's control), and the generated code is instrumented, so the race inside it is found.
 */
class RuntimeDefinedClassTest {

  @Test
  void aRaceInsideARuntimeDefinedClassIsFoundWithoutAHang() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(300).explore(() -> addTwice("add")));
    assertThat(failure).as("the lost update inside the generated add must be found").isNotNull();
    assertThat(failure.getMessage())
        .contains("lost update: count = 1")
        .doesNotContain("did not reach a scheduling point");
  }

  @Test
  void aCorrectUseOfARuntimeDefinedClassPassesEverySchedule() {
    var result =
        Interleavings.configure().schedules(100).explore(() -> addTwice("addSafely"));
    assertThat(result.schedules()).isEqualTo(100);
  }

  @Test
  void theGeneratedClassIsDefinedByItsLoaderAndInitialisedOncePerSchedule() {
    Interleavings.configure().schedules(20).explore(() -> {
      Class<?> adder = GeneratedAdder.define();
      assertThat(adder.getClassLoader()).isInstanceOf(BytesLoader.class);
      adder.getMethod("addSafely", Counter.class).invoke(null, new Counter());
      assertThat(Registry.initialised()).isEqualTo(1);
    });
  }

  /** Two threads call {@code method} of a freshly defined generated class (its first use). */
  static void addTwice(String method) throws Exception {
    Method add = GeneratedAdder.define().getMethod(method, Counter.class);
    Counter counter = new Counter();
    Thread a = new Thread(() -> invoke(add, counter));
    Thread b = new Thread(() -> invoke(add, counter));
    a.start();
    b.start();
    a.join();
    b.join();
    if (counter.count() != 2) throw new AssertionError("lost update: count = " + counter.count());
    if (Registry.initialised() != 1) {
      throw new AssertionError("initialised " + Registry.initialised() + " times");
    }
  }

  private static void invoke(Method add, Counter counter) {
    try {
      add.invoke(null, counter);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
