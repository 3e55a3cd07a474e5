package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The fields of one class whose reads in that class need no scheduling point: effectively
 * immutable fields, which no write can race with.
 *
 * <p>Two kinds, both {@code private}, neither {@code final} (those are skipped anyway) nor {@code
 * volatile}:
 *
 * <ul>
 *   <li>an instance field of class C whose every write, in C and in C's nest members (Java 11+
 *       nested classes write a private field directly), is a {@code putfield} in a constructor of C
 *       on C's own {@code this} before {@code this} can have escaped ({@link
 *       UnpublishedThis#unpublishedAccesses}). Every write then happens before any other thread
 *       can hold a reference to the object, so every read by another thread sees the last value
 *       written, whenever it runs: a scheduling point before the read cannot change any outcome;
 *   <li>a static field of C written only in C's {@code <clinit>}: class initialisation is never
 *       preempted, and the JVM makes every other thread that reads the field wait until it is done.
 * </ul>
 *
 * <p>Only {@code private} fields, because then the JVM lets only C and its nest members name them,
 * and Baton can read all of those class files. What could still write such a field without naming
 * it in a {@code putfield} makes the rule give up, conservatively:
 *
 * <ul>
 *   <li>the field's name as a string constant anywhere in C or a nest member ({@code ldc}, a
 *       bootstrap argument, a dynamic constant's name, a constant field value): {@code
 *       findVarHandle(C.class, "f", ...)}, {@code getDeclaredField("f")}, field updaters, {@code
 *       Unsafe} offsets are all looked up by name;
 *   <li>an annotation on the field: frameworks inject annotated fields by reflection;
 *   <li>a call in C or a nest member that reaches fields reflectively by a name it may compute,
 *       or hands its private access out: {@code MethodHandles.lookup()}, a lookup's {@code
 *       VarHandle}s and setters, {@code getDeclaredField(s)}, {@code Field.set*}, {@code Unsafe}
 *       field offsets (then no field of C is immutable);
 *   <li>a nest member whose class file cannot be read, or a class the analysis fails on: then no
 *       field of C is immutable.
 * </ul>
 *
 * Reflection on a private field by its name from a class outside C's nest, with {@code
 * setAccessible}, found in no string of the nest, is not seen. Reads in nest members stay
 * scheduling points (only the class being transformed is analysed), and writes are never skipped
 * by this rule. Baton explores sequentially consistent executions, where a read after publication
 * sees the constructor's writes; that the Java memory model lets a racy publication show a
 * non-final field's default value is not a scheduling question.
 */
final class ImmutableFields {
  /** No field is immutable: the rule is off, or the class could not be analysed. */
  static final ImmutableFields NONE = new ImmutableFields("", Set.of());

  private final String owner;
  /** {@code name:descriptor} of the immutable fields. */
  private final Set<String> fields;

  private ImmutableFields(String owner, Set<String> fields) {
    this.owner = owner;
    this.fields = fields;
  }

  /**
   * The immutable fields of the class in {@code classFile}.
   *
   * @param resources where the class files of its nest members are read from (never loaded)
   * @param hierarchy the superclasses of the owners that writes name
   * @param mayLeak whether a constructor {@code owner.<init>descriptor}, called as a super or this
   *     call, may let {@code this} escape (with the class in {@code classFile} readable by it)
   */
  static ImmutableFields of(byte[] classFile, ClassLoader resources, ClassHierarchy hierarchy,
      BiPredicate<String, String> mayLeak) {
    try {
      ClassNode type = parse(classFile);
      Map<String, FieldNode> candidates = candidates(type);
      if (candidates.isEmpty()) return NONE;
      List<ClassNode> nestMates = nestMates(type, resources);
      if (nestMates == null) return NONE;
      if (reachesFieldsReflectively(type)) return NONE;
      for (ClassNode mate : nestMates) {
        if (reachesFieldsReflectively(mate)) return NONE;
      }
      Writes writes = new Writes(type.name, hierarchy);
      dropWrittenOutsideInitialisation(type, candidates, writes, mayLeak);
      dropNamedAsStrings(type, candidates);
      for (ClassNode mate : nestMates) {
        dropWrittenAnywhere(mate, candidates, writes);
        dropNamedAsStrings(mate, candidates);
      }
      return candidates.isEmpty() ? NONE : new ImmutableFields(type.name, candidates.keySet());
    } catch (RuntimeException e) {
      return NONE; // a class Baton cannot analyse keeps every read a point
    }
  }

  /**
   * True when the field instruction is a read, in the analysed class, of one of its immutable
   * fields ({@code owner} is the instruction's owner, which a read of a private field names).
   */
  boolean isImmutableRead(int opcode, String owner, String name, String descriptor) {
    return (opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC)
        && owner.equals(this.owner)
        && fields.contains(key(name, descriptor));
  }

  /** The private, non-final, non-volatile fields without annotations, by {@code name:descriptor}. */
  private static Map<String, FieldNode> candidates(ClassNode type) {
    Map<String, FieldNode> found = new HashMap<>();
    for (FieldNode field : type.fields) {
      boolean isPrivate = (field.access & Opcodes.ACC_PRIVATE) != 0;
      boolean fixedOrVolatile = (field.access & (Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE)) != 0;
      boolean annotated = field.visibleAnnotations != null || field.invisibleAnnotations != null;
      if (isPrivate && !fixedOrVolatile && !annotated) found.put(key(field), field);
    }
    return found;
  }

  /**
   * Drops the fields of {@code type} written anywhere in it but in its constructors on an
   * unpublished {@code this} (instance fields) or in its static initialiser (static fields).
   */
  private static void dropWrittenOutsideInitialisation(ClassNode type,
      Map<String, FieldNode> candidates, Writes writes, BiPredicate<String, String> mayLeak) {
    for (MethodNode method : type.methods) {
      boolean constructor = method.name.equals("<init>");
      boolean initialiser = method.name.equals("<clinit>");
      BitSet unpublished = null; // computed when a constructor first writes a candidate
      int ordinal = 0;
      for (AbstractInsnNode insn : method.instructions) {
        if (!(insn instanceof FieldInsnNode field)) continue;
        int number = ordinal++;
        FieldNode target = writes.target(field, candidates);
        if (target == null) continue;
        boolean own = field.owner.equals(type.name);
        boolean allowed;
        if ((target.access & Opcodes.ACC_STATIC) != 0) {
          allowed = own && initialiser && field.getOpcode() == Opcodes.PUTSTATIC;
        } else if (own && constructor && field.getOpcode() == Opcodes.PUTFIELD) {
          if (unpublished == null) {
            unpublished = UnpublishedThis.unpublishedAccesses(type.name, method, mayLeak);
          }
          allowed = unpublished.get(number);
        } else {
          allowed = false;
        }
        if (!allowed) candidates.remove(key(target));
      }
    }
  }

  /** Drops every field of the analysed class that {@code mate} writes (a nest member may). */
  private static void dropWrittenAnywhere(
      ClassNode mate, Map<String, FieldNode> candidates, Writes writes) {
    for (MethodNode method : mate.methods) {
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof FieldInsnNode field) {
          FieldNode target = writes.target(field, candidates);
          if (target != null) candidates.remove(key(target));
        }
      }
    }
  }

  /**
   * True when {@code type} calls an API that reaches fields by a name it may compute, or hands out
   * its private access: a lookup ({@code MethodHandles.lookup()}, {@code privateLookupIn}), a
   * {@code VarHandle} or setter found or unreflected from a lookup, {@code Class.getDeclaredField(s)}
   * or {@code getField(s)}, {@code Field.set*}, or {@code Unsafe}'s field offsets. A name built at
   * run time escapes the string check, so then no field of the nest's class counts as immutable.
   */
  private static boolean reachesFieldsReflectively(ClassNode type) {
    for (MethodNode method : type.methods) {
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof MethodInsnNode call && isReflectiveFieldAccess(call)) return true;
      }
    }
    return false;
  }

  private static boolean isReflectiveFieldAccess(MethodInsnNode call) {
    return switch (call.owner) {
      case "java/lang/invoke/MethodHandles" ->
          call.name.equals("lookup") || call.name.equals("privateLookupIn");
      case "java/lang/invoke/MethodHandles$Lookup" -> call.name.endsWith("VarHandle")
          || call.name.endsWith("Setter") || call.name.equals("in");
      case "java/lang/Class" -> call.name.equals("getDeclaredField")
          || call.name.equals("getDeclaredFields") || call.name.equals("getField")
          || call.name.equals("getFields");
      case "java/lang/reflect/Field" -> call.name.startsWith("set");
      case "sun/misc/Unsafe", "jdk/internal/misc/Unsafe" -> call.name.endsWith("FieldOffset");
      default -> false;
    };
  }

  /** Drops every field whose name is a string constant of {@code type}. */
  private static void dropNamedAsStrings(ClassNode type, Map<String, FieldNode> candidates) {
    List<Object> constants = new ArrayList<>();
    for (FieldNode field : type.fields) constants.add(field.value);
    for (MethodNode method : type.methods) {
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof LdcInsnNode ldc) {
          constants.add(ldc.cst);
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
          constants.addAll(List.of(indy.bsmArgs));
        }
      }
    }
    Set<String> strings = new HashSet<>();
    for (Object constant : constants) collectStrings(constant, strings);
    candidates.values().removeIf(field -> strings.contains(field.name));
  }

  /** Strings in a constant, including a dynamic constant's name and bootstrap arguments. */
  private static void collectStrings(Object constant, Set<String> strings) {
    if (constant instanceof String string) {
      strings.add(string);
    } else if (constant instanceof ConstantDynamic condy) {
      strings.add(condy.getName());
      for (int i = 0; i < condy.getBootstrapMethodArgumentCount(); i++) {
        collectStrings(condy.getBootstrapMethodArgument(i), strings);
      }
    }
  }

  /**
   * The other classes of {@code type}'s nest (its host and the host's other members, or its own
   * members), or null when one of them cannot be read.
   */
  private static List<ClassNode> nestMates(ClassNode type, ClassLoader resources) {
    List<ClassNode> mates = new ArrayList<>();
    List<String> members = type.nestMembers == null ? List.of() : type.nestMembers;
    if (type.nestHostClass != null) {
      ClassNode host = read(type.nestHostClass, resources);
      if (host == null) return null;
      mates.add(host);
      members = host.nestMembers == null ? List.of() : host.nestMembers;
    }
    for (String member : members) {
      if (member.equals(type.name)) continue;
      ClassNode mate = read(member, resources);
      if (mate == null) return null;
      mates.add(mate);
    }
    return mates;
  }

  private static ClassNode read(String internalName, ClassLoader resources) {
    try (InputStream in = resources.getResourceAsStream(internalName + ".class")) {
      return in == null ? null : parse(in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static ClassNode parse(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return node;
  }

  /**
   * Which candidate a field instruction may write: one of the same name and descriptor, when the
   * instruction names the analysed class or a class that may extend it (the JVM resolves a field
   * through the superclasses; javac names the declaring class of a private field, other
   * compilers need not).
   */
  private static final class Writes {
    private final String analysed;
    private final ClassHierarchy hierarchy;

    Writes(String analysed, ClassHierarchy hierarchy) {
      this.analysed = analysed;
      this.hierarchy = hierarchy;
    }

    /** The candidate {@code field} may write, or null when it is a read or writes another. */
    FieldNode target(FieldInsnNode field, Map<String, FieldNode> candidates) {
      int opcode = field.getOpcode();
      if (opcode != Opcodes.PUTFIELD && opcode != Opcodes.PUTSTATIC) return null;
      FieldNode candidate = candidates.get(key(field.name, field.desc));
      return candidate != null && mayExtend(field.owner) ? candidate : null;
    }

    /** False only when the superclass chain of {@code owner} is known and misses the class. */
    private boolean mayExtend(String owner) {
      Set<String> seen = new HashSet<>();
      for (String t = owner; t != null; ) {
        if (t.equals(analysed) || !seen.add(t)) return true;
        ClassHierarchy.ClassInfo info = hierarchy.find(t);
        if (info == null) return true;
        t = info.superName();
      }
      return false;
    }
  }

  private static String key(FieldNode field) {
    return key(field.name, field.desc);
  }

  private static String key(String name, String descriptor) {
    return name + ':' + descriptor;
  }
}
