package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.CALL;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;

/** Rule 3: calls into java.util, atomics, VarHandles: a hook with the receiver before the call. */
class SharedCallTest extends InstrumentedTestSupport {

  @Test
  void aConcurrentHashMapPutThroughTheMapInterfacePassesTheMap() throws Throwable {
    Object calls = construct("SharedCalls");
    Object map = field(calls, "map");
    clearEvents();

    assertThat(call(calls, "put", "k", 1)).isNull();
    assertThat(call(calls, "put", "k", 2)).isEqualTo(1);

    String put = at(CALL, "Map.put", "SharedCalls", "map-put");
    assertThat(described()).containsExactly(put, put);
    assertThat(targets()).containsExactly(map, map);
    assertThat(map).isInstanceOf(ConcurrentHashMap.class);
  }

  @Test
  void anAtomicCallPassesTheAtomic() throws Throwable {
    Object calls = construct("SharedCalls");
    clearEvents();

    assertThat(call(calls, "increment")).isEqualTo(1);
    assertThat(call(calls, "increment")).isEqualTo(2);

    String increment = at(CALL, "AtomicInteger.incrementAndGet", "SharedCalls", "increment");
    assertThat(described()).containsExactly(increment, increment);
    assertThat(targets()).containsOnly(field(calls, "counter"));
  }

  @Test
  void aSignaturePolymorphicVarHandleCompareAndSetKeepsItsArguments() throws Throwable {
    Object calls = construct("SharedCalls");
    clearEvents();

    assertThat(call(calls, "cas", 0L, 5L)).isEqualTo(true);
    assertThat(call(calls, "cas", 0L, 6L)).isEqualTo(false);
    assertThat(call(calls, "value")).isEqualTo(5L);

    String cas = at(CALL, "VarHandle.compareAndSet", "SharedCalls", "cas");
    assertThat(described())
        .containsExactly(cas, cas, at(CALL, "VarHandle.getVolatile", "SharedCalls", "get-volatile"));
    assertThat(targets()).allSatisfy(t -> assertThat(t).isInstanceOf(VarHandle.class));
  }

  @Test
  void longDoubleAndReferenceArgumentsAreSpilledAndReloaded() throws Throwable {
    Object calls = construct("SharedCalls");
    clearEvents();

    assertThat(call(calls, "mixed", 3L, 1.5, "s")).isEqualTo(true);
    assertThat(call(calls, "mixed", 4L, 0.25, "t")).isEqualTo(false);

    assertThat(((AtomicLong) field(calls, "big")).get()).isEqualTo(7L);
    assertThat(((DoubleAdder) field(calls, "adder")).sum()).isEqualTo(1.75);
    assertThat(((AtomicReferenceArray<?>) field(calls, "slots")).get(1)).isEqualTo("s");
    assertThat(described())
        .startsWith(
            at(CALL, "AtomicLong.addAndGet", "SharedCalls", "mixed-long"),
            at(CALL, "DoubleAdder.add", "SharedCalls", "mixed-double"),
            at(CALL, "AtomicReferenceArray.compareAndSet", "SharedCalls", "mixed-ref"))
        .hasSize(6);
    assertThat(targets().subList(0, 3))
        .containsExactly(field(calls, "big"), field(calls, "adder"), field(calls, "slots"));
  }

  @Test
  void staticCallsPassNull() throws Throwable {
    assertThat(callStatic("SharedCalls", "staticCall")).asList().containsExactly("a", "b");
    assertThat(callStatic("SharedCalls", "fill", 3)).isEqualTo(new int[] {7, 7, 7});

    assertThat(described())
        .containsExactly(
            at(CALL, "List.of", "SharedCalls", "list-of"), at(CALL, "Arrays.fill", "SharedCalls", "fill"));
    assertThat(targets()).containsExactly(null, null);
  }

  @Test
  void objectsOptionalFunctionsAndRegexAreNotSchedulingPoints() throws Throwable {
    assertThat(callStatic("SharedCalls", "notShared", "x")).isEqualTo("x!");

    assertThat(recorder.events()).isEmpty();
  }

  @Test
  void theSharedOwnerFilter() {
    assertThat(SharedCallAdapter.isShared("java/util/ArrayList")).isTrue();
    assertThat(SharedCallAdapter.isShared("java/util/Arrays")).isTrue();
    assertThat(SharedCallAdapter.isShared("java/util/concurrent/locks/ReentrantLock")).isTrue();
    assertThat(SharedCallAdapter.isShared("java/lang/invoke/VarHandle")).isTrue();
    assertThat(SharedCallAdapter.isShared("sun/misc/Unsafe")).isTrue();
    assertThat(SharedCallAdapter.isShared("jdk/internal/misc/Unsafe")).isTrue();
    assertThat(SharedCallAdapter.isShared("java/util/Objects")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/util/Optional")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/util/OptionalInt")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/util/function/Supplier")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/util/stream/Stream")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/util/regex/Matcher")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/util/logging/Logger")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/lang/String")).isFalse();
    assertThat(SharedCallAdapter.isShared("java/lang/invoke/MethodHandle")).isFalse();
  }
}
