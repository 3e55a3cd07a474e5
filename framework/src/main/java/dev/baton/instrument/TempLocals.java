package dev.baton.instrument;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * Scratch locals for spilling stack values, reused across one method: one list per kind of value
 * (int-like, long, float, double, reference), grown on demand. Reuse is safe because a spilled
 * value is stored and reloaded in straight-line code, never across a branch.
 */
final class TempLocals {
  private enum Kind {
    INT(Type.INT_TYPE),
    LONG(Type.LONG_TYPE),
    FLOAT(Type.FLOAT_TYPE),
    DOUBLE(Type.DOUBLE_TYPE),
    REFERENCE(Type.getObjectType(ClassHierarchy.OBJECT));

    final Type type;

    Kind(Type type) {
      this.type = type;
    }
  }

  private final Function<Type, Integer> newLocal;
  private final Map<Kind, List<Integer>> locals = new EnumMap<>(Kind.class);

  /** @param newLocal allocates a fresh local of a type (a {@code LocalVariablesSorter}'s) */
  TempLocals(Function<Type, Integer> newLocal) {
    this.newLocal = newLocal;
  }

  /** The {@code ordinal}-th scratch local (0-based) able to hold a value of {@code type}. */
  int get(Type type, int ordinal) {
    Kind kind = kindOf(type);
    List<Integer> list = locals.computeIfAbsent(kind, k -> new ArrayList<>());
    while (list.size() <= ordinal) {
      list.add(newLocal.apply(kind.type));
    }
    return list.get(ordinal);
  }

  /**
   * Allocates one scratch local per value in {@code types}, reusing locals of the same kind across
   * calls but never within one call.
   */
  int[] forValues(Type[] types) {
    int[] result = new int[types.length];
    Map<Kind, Integer> used = new EnumMap<>(Kind.class);
    for (int i = 0; i < types.length; i++) {
      int ordinal = used.merge(kindOf(types[i]), 1, Integer::sum) - 1;
      result[i] = get(types[i], ordinal);
    }
    return result;
  }

  private static Kind kindOf(Type type) {
    return switch (type.getSort()) {
      case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Kind.INT;
      case Type.LONG -> Kind.LONG;
      case Type.FLOAT -> Kind.FLOAT;
      case Type.DOUBLE -> Kind.DOUBLE;
      case Type.OBJECT, Type.ARRAY -> Kind.REFERENCE;
      default -> throw new IllegalArgumentException("no value of type " + type);
    };
  }
}
