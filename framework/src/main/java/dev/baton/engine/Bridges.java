package dev.baton.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The bridges on the class path, in {@link BatonBridge#order()}; loaded once. */
final class Bridges {
  private static final List<BatonBridge> ALL = load();

  private Bridges() {}

  static List<BatonBridge> all() {
    return ALL;
  }

  /** Whether any bridge claims {@code c}. */
  static boolean isBridgeTestClass(Class<?> c) {
    for (BatonBridge b : ALL) {
      if (b.isTestClass(c)) return true;
    }
    return false;
  }

  private static List<BatonBridge> load() {
    List<BatonBridge> bridges = new ArrayList<>();
    ServiceLoader.load(BatonBridge.class, BatonBridge.class.getClassLoader()).forEach(bridges::add);
    bridges.sort(Comparator.comparingInt(BatonBridge::order));
    return List.copyOf(bridges);
  }
}
