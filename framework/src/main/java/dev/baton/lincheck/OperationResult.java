package dev.baton.lincheck;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one operation gave: a value, {@code void}, or an exception (which, as in Lincheck, is a
 * result like any other, compared by its class). Values are compared with {@code equals}; a value
 * of the spec's own classes, which the concurrent run and the sequential spec load in different
 * class loaders, is compared by its {@code toString()}.
 */
record OperationResult(Kind kind, Object value) {
  enum Kind { VALUE, VOID, EXCEPTION, BLOCKS }

  static final OperationResult VOID = new OperationResult(Kind.VOID, null);

  /**
   * The sequential specification's answer for a blocking operation that would wait for ever: no
   * result of a completed operation is the same, so the order that led there is impossible.
   */
  static final OperationResult BLOCKS = new OperationResult(Kind.BLOCKS, null);

  static OperationResult of(Object value, boolean isVoid) {
    return isVoid ? VOID : new OperationResult(Kind.VALUE, value);
  }

  static OperationResult thrown(Throwable t) {
    return new OperationResult(Kind.EXCEPTION, t.getClass().getName());
  }

  /** Whether a concurrent result and a sequential one are the same result. */
  boolean sameAs(OperationResult other) {
    if (kind != other.kind) return false;
    if (kind == Kind.BLOCKS) return false;
    if (kind != Kind.VALUE) return Objects.equals(value, other.value);
    Object a = value;
    Object b = other.value;
    if (a == null || b == null) return a == b;
    if (a.getClass().isArray() && b.getClass().isArray()) {
      return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
    }
    if (a.getClass() != b.getClass() && a.getClass().getName().equals(b.getClass().getName())) {
      return String.valueOf(a).equals(String.valueOf(b));
    }
    return a.equals(b);
  }

  /** {@code 1}, {@code null}, {@code void}, {@code NoSuchElementException}. */
  @Override
  public String toString() {
    return switch (kind) {
      case VOID -> "void";
      case BLOCKS -> "(blocks for ever)";
      case EXCEPTION -> {
        String name = (String) value;
        yield name.substring(name.lastIndexOf('.') + 1);
      }
      case VALUE -> value != null && value.getClass().isArray()
          ? Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "")
          : String.valueOf(value);
    };
  }
}
