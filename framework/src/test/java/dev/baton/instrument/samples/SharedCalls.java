package dev.baton.instrument.samples;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Calls into java.util, atomics and VarHandles, and calls that are not scheduling points. */
public class SharedCalls {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(SharedCalls.class, "value", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  public final Map<String, Integer> map = new ConcurrentHashMap<>();
  public final AtomicInteger counter = new AtomicInteger();
  public final AtomicLong big = new AtomicLong();
  public final DoubleAdder adder = new DoubleAdder();
  public final AtomicReferenceArray<String> slots = new AtomicReferenceArray<>(2);
  private volatile long value;

  public Integer put(String key, int v) {
    return map.put(key, v); //@map-put
  }

  public int increment() {
    return counter.incrementAndGet(); //@increment
  }

  public boolean cas(long expected, long update) {
    return VALUE.compareAndSet(this, expected, update); //@cas
  }

  public long value() {
    return (long) VALUE.getVolatile(this); //@get-volatile
  }

  public boolean mixed(long delta, double d, String s) {
    big.addAndGet(delta); //@mixed-long
    adder.add(d); //@mixed-double
    return slots.compareAndSet(1, null, s); //@mixed-ref
  }

  public static List<String> staticCall() {
    return List.of("a", "b"); //@list-of
  }

  public static int[] fill(int n) {
    int[] a = new int[n];
    Arrays.fill(a, 7); //@fill
    return a;
  }

  /** None of these touch shared state: no scheduling points. */
  public static String notShared(String s) {
    Objects.requireNonNull(s);
    Supplier<String> supplier = () -> s + "?";
    String got = Optional.of(supplier.get()).orElse("none");
    return Pattern.compile("\\?").matcher(got).replaceAll("!");
  }
}
