package dev.baton.instrument;

import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The JDK methods the escape analysis ({@link EscapeInterpreter}) knows by name: those that return
 * a new array no one else holds, and those that read or fill the arrays they are given without
 * keeping a reference to them. Only methods whose contract says so, of final JDK classes or static
 * methods, so no override can change it; everything else is an escape.
 */
final class FreshArrays {
  private static final String ARRAYS = "java/util/Arrays";
  private static final String STRING = "java/lang/String";

  /** Static methods of {@code java.util.Arrays} that keep no reference to their array arguments. */
  private static final Set<String> ARRAYS_KEEPING_NO_REFERENCE = Set.of(
      "fill", "equals", "deepEquals", "hashCode", "deepHashCode", "toString", "deepToString",
      "sort", "parallelSort", "copyOf", "copyOfRange", "mismatch", "compare", "binarySearch");

  private FreshArrays() {}

  /**
   * True for a call that always returns a new array no other code holds: an array's own {@code
   * clone()}, {@code String.toCharArray}/{@code getBytes}, {@code Arrays.copyOf}/{@code
   * copyOfRange}.
   */
  static boolean returnsNewArray(MethodInsnNode call) {
    if (call.owner.startsWith("[")) return call.name.equals("clone");
    return switch (call.owner) {
      case STRING -> call.getOpcode() == Opcodes.INVOKEVIRTUAL
          && (call.name.equals("toCharArray") || call.name.equals("getBytes"))
          && call.desc.indexOf(')') < call.desc.length() - 2; // returns an array, not void
      case ARRAYS -> call.getOpcode() == Opcodes.INVOKESTATIC
          && (call.name.equals("copyOf") || call.name.equals("copyOfRange"));
      default -> false;
    };
  }

  /**
   * True unless {@code call} certainly keeps no reference to its argument number {@code index}
   * (counting the receiver of an instance call as 0) and lets no code run with it: the array
   * arguments of {@code System.arraycopy}, of the reading, filling, sorting and copying methods of
   * {@code java.util.Arrays}, of the {@code String} constructors and factories that copy an array,
   * and an array's own {@code clone()}. Other arguments of those (a comparator, a value to fill in,
   * a key) may be kept or called, so they escape.
   */
  static boolean mayKeep(MethodInsnNode call, int index) {
    if (call.owner.startsWith("[")) return !call.name.equals("clone");
    boolean known = switch (call.owner) {
      case "java/lang/System" -> call.name.equals("arraycopy");
      case ARRAYS -> call.getOpcode() == Opcodes.INVOKESTATIC
          && ARRAYS_KEEPING_NO_REFERENCE.contains(call.name);
      case STRING -> call.name.equals("<init>")
          || (call.getOpcode() == Opcodes.INVOKESTATIC
              && (call.name.equals("valueOf") || call.name.equals("copyValueOf")));
      default -> false;
    };
    if (!known) return true;
    if (call.owner.equals("java/lang/System")) return false; // (src, pos, dest, pos, length)
    Type[] parameters = Type.getArgumentTypes(call.desc);
    int parameter = call.getOpcode() == Opcodes.INVOKESTATIC ? index : index - 1;
    return parameter < 0 || parameters[parameter].getSort() != Type.ARRAY;
  }
}
