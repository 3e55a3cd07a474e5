package dev.baton.scheduler;

import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The value a field or array access is about to see, read reflectively for {@link
 * ProgressMonitor}: the value there before the access, whether it reads or writes. Fields are
 * found once per site; a field Baton cannot find or open (a JDK class's) is {@link #UNKNOWN}.
 */
final class SiteValues {
  /** A value that could not be read: the step counts as progress. */
  static final Object UNKNOWN = new Object();

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /** Per site, the field it accesses, or empty when it cannot be read. */
  private final Map<Integer, Optional<Field>> fields = new HashMap<>();

  static boolean isMemory(SiteKind kind) {
    return kind == SiteKind.READ || kind == SiteKind.WRITE || kind == SiteKind.ARRAY_READ
        || kind == SiteKind.ARRAY_WRITE;
  }

  /** The value at the location of a field or array access at {@code site}, or {@link #UNKNOWN}. */
  Object valueAt(Site s, int site, Object owner, int index) {
    try {
      if (s.kind() == SiteKind.ARRAY_READ || s.kind() == SiteKind.ARRAY_WRITE) {
        return owner == null ? UNKNOWN : Array.get(owner, index);
      }
      Optional<Field> field = fields.get(site);
      if (field == null || field.isPresent() && !fits(field.get(), owner)) {
        field = Optional.ofNullable(find(s, owner));
        fields.put(site, field);
      }
      return field.isPresent() ? field.get().get(owner) : UNKNOWN;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return UNKNOWN; // out of bounds, null receiver, a class Baton cannot open: the access decides
    }
  }

  private static boolean fits(Field f, Object owner) {
    return owner == null
        ? Modifier.isStatic(f.getModifiers())
        : f.getDeclaringClass().isInstance(owner);
  }

  /** The field of {@code s} ({@code Owner.name}) on {@code owner}, or a static one; else null. */
  private static Field find(Site s, Object owner) {
    String detail = s.detail();
    int dot = detail == null ? -1 : detail.lastIndexOf('.');
    if (dot < 0) return null;
    String ownerName = detail.substring(0, dot);
    String name = detail.substring(dot + 1);
    if (owner != null) return open(declared(owner.getClass(), ownerName, name, false));
    Class<?> at = WALKER.walk(frames -> frames
        .filter(f -> f.getClassName().equals(s.className()))
        .findFirst().map(StackWalker.StackFrame::getDeclaringClass).orElse(null));
    if (at == null) return null;
    Field f = declared(at, ownerName, name, true);
    if (f == null && at.getNestHost() != null) {
      for (Class<?> member : at.getNestHost().getNestMembers()) {
        f = declared(member, ownerName, name, true);
        if (f != null) break;
      }
    }
    if (f == null) {
      String pkg = at.getPackageName();
      try {
        Class<?> named = Class.forName(
            (pkg.isEmpty() ? "" : pkg + ".") + ownerName, false, at.getClassLoader());
        f = declared(named, ownerName, name, true);
      } catch (ClassNotFoundException | LinkageError e) {
        return null;
      }
    }
    return open(f);
  }

  /**
   * The field {@code name} of the class named {@code ownerName} among {@code type} and its
   * superclasses (or of a superclass of it, where javac names the subclass), static or not.
   */
  private static Field declared(Class<?> type, String ownerName, String name, boolean isStatic) {
    boolean named = false;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      named |= simpleName(c).equals(ownerName);
      if (!named) continue;
      for (Field f : c.getDeclaredFields()) {
        if (f.getName().equals(name) && Modifier.isStatic(f.getModifiers()) == isStatic) return f;
      }
    }
    return null;
  }

  private static Field open(Field f) {
    return f != null && f.trySetAccessible() ? f : null;
  }

  private static String simpleName(Class<?> c) {
    String n = c.getName();
    return n.substring(n.lastIndexOf('.') + 1);
  }
}
