package dev.baton.lincheck.specs;

import static dev.baton.lincheck.LincheckMode.BATON;
import static dev.baton.lincheck.LincheckMode.MODEL_CHECKING;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * {@code putIfAbsent} as check-then-act on a concurrent map: two threads can both see the key
 * absent, both put, and both return null.
 */
@CheckLinearizability(modes = {MODEL_CHECKING, BATON}, iterations = 5, invocations = 200,
    schedules = 300)
@Param(name = "key", gen = IntGen.class, conf = "1:2")
@Param(name = "value", gen = IntGen.class, conf = "1:5")
public class BrokenMapSpec {
  private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();

  @Operation
  public Integer putIfAbsent(@Param(name = "key") int key, @Param(name = "value") int value) {
    Integer existing = map.get(key);
    if (existing == null) map.put(key, value);
    return existing;
  }

  @Operation
  public Integer get(@Param(name = "key") int key) {
    return map.get(key);
  }
}
