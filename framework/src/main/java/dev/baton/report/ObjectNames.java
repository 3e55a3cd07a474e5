package dev.baton.report;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Names objects for a report in a way that is the same in every run: the simple class name and a
 * number in order of first mention ({@code Object#1}, {@code ReentrantLock#2}). Identity hash codes
 * would differ from run to run and make replayed reports differ.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ObjectNames {
  private final Map<Object, String> names = new IdentityHashMap<>();

  public String of(Object o) {
    if (o == null) return "null";
    if (o instanceof Class<?> c) return c.getSimpleName() + ".class";
    return names.computeIfAbsent(o, x -> simpleName(x.getClass()) + "#" + (names.size() + 1));
  }

  /** {@code ReentrantLock} for {@code ReentrantLock$NonfairSync}: the lock users know. */
  static String simpleName(Class<?> type) {
    String name = type.getName();
    name = name.substring(name.lastIndexOf('.') + 1);
    if (name.endsWith("$ConditionObject")) return "Condition";
    for (String inner : new String[] {"$NonfairSync", "$FairSync", "$Sync"}) {
      if (name.endsWith(inner)) return name.substring(0, name.length() - inner.length());
    }
    return name.contains("$$Lambda") ? name.substring(0, name.indexOf("$$Lambda")) + "$$Lambda" : name;
  }
}
