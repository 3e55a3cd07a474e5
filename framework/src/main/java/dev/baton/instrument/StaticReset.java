package dev.baton.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Whether a class's static state can be put back as a new class loader would define it, in the
 * same class: every static field back to its default, then its static initialiser run again. That
 * spares a schedule a new loader, whose classes would be new code, never compiled, in every
 * schedule.
 *
 * <p>Only exact where running the initialiser early, on the scenario's main thread, cannot be told
 * from running it at the class's first use: so the initialiser (and every method of the class it
 * calls) may only compute, allocate arrays, instances of its own class and a few JDK objects that
 * call no user code ({@link #JDK_CONSTRUCTORS}), and read and write the class's own fields. Any
 * other call, another class's static field, {@code invokedynamic}, a monitor: the class keeps
 * needing a new loader. Interfaces (whose fields cannot lose {@code final}) and enums (whose
 * constants the JDK caches) are never reset.
 */
final class StaticReset {
  /** The synthetic static method that resets a class's static state. */
  static final String METHOD = "baton$resetStatics";

  /** JaCoCo's probe array: coverage, not the program's state; never reset. */
  private static final String JACOCO_DATA = "$jacocoData";

  /**
   * JDK classes whose constructors, given primitives or strings, allocate and touch nothing else:
   * what static initialisers of concurrency programs allocate, and the exceptions of {@code
   * assert} and argument checks (an initialiser that throws leaves its class unusable, and then
   * it is not reset but defined afresh).
   */
  private static final Set<String> JDK_CONSTRUCTORS = Set.of(
      "java/lang/Object", "java/lang/StringBuilder", "java/lang/StringBuffer",
      "java/lang/AssertionError", "java/lang/IllegalStateException",
      "java/lang/IllegalArgumentException",
      "java/util/ArrayList", "java/util/LinkedList", "java/util/HashMap", "java/util/LinkedHashMap",
      "java/util/TreeMap", "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet",
      "java/util/ArrayDeque", "java/util/PriorityQueue", "java/util/Vector", "java/util/Stack",
      "java/util/Hashtable", "java/util/IdentityHashMap", "java/util/BitSet",
      "java/util/concurrent/ConcurrentHashMap", "java/util/concurrent/ConcurrentLinkedQueue",
      "java/util/concurrent/ConcurrentLinkedDeque", "java/util/concurrent/ConcurrentSkipListMap",
      "java/util/concurrent/ConcurrentSkipListSet", "java/util/concurrent/CopyOnWriteArrayList",
      "java/util/concurrent/CopyOnWriteArraySet", "java/util/concurrent/LinkedBlockingQueue",
      "java/util/concurrent/LinkedBlockingDeque", "java/util/concurrent/ArrayBlockingQueue",
      "java/util/concurrent/PriorityBlockingQueue", "java/util/concurrent/SynchronousQueue",
      "java/util/concurrent/LinkedTransferQueue", "java/util/concurrent/Semaphore",
      "java/util/concurrent/CountDownLatch", "java/util/concurrent/CyclicBarrier",
      "java/util/concurrent/Exchanger", "java/util/concurrent/atomic/AtomicInteger",
      "java/util/concurrent/atomic/AtomicLong", "java/util/concurrent/atomic/AtomicBoolean",
      "java/util/concurrent/atomic/AtomicReference",
      "java/util/concurrent/atomic/AtomicIntegerArray",
      "java/util/concurrent/atomic/AtomicLongArray",
      "java/util/concurrent/atomic/AtomicReferenceArray",
      "java/util/concurrent/atomic/LongAdder", "java/util/concurrent/atomic/DoubleAdder",
      "java/util/concurrent/locks/ReentrantLock",
      "java/util/concurrent/locks/ReentrantReadWriteLock",
      "java/util/concurrent/locks/StampedLock");

  /** Constructors that take an object and only keep it. */
  private static final Set<String> STORING_CONSTRUCTORS = Set.of(
      "java/util/concurrent/atomic/AtomicReference.(Ljava/lang/Object;)V");

  /** Static JDK methods that compute a value from primitives and nothing else. */
  private static final Set<String> JDK_STATIC_CALLS = Set.of(
      "java/lang/Integer.valueOf(I)Ljava/lang/Integer;",
      "java/lang/Long.valueOf(J)Ljava/lang/Long;",
      "java/lang/Short.valueOf(S)Ljava/lang/Short;",
      "java/lang/Byte.valueOf(B)Ljava/lang/Byte;",
      "java/lang/Character.valueOf(C)Ljava/lang/Character;",
      "java/lang/Boolean.valueOf(Z)Ljava/lang/Boolean;",
      "java/lang/Double.valueOf(D)Ljava/lang/Double;",
      "java/lang/Float.valueOf(F)Ljava/lang/Float;");

  /** Instance JDK methods whose answer does not depend on when they are called. */
  private static final Set<String> JDK_INSTANCE_CALLS = Set.of(
      "java/lang/Class.desiredAssertionStatus()Z");

  /**
   * What resetting a class takes: its static fields to set back to their defaults (every one
   * without a constant value), those of them that must lose {@code final} (the initialiser writes
   * them, and only an initialiser may write a final field), and the initialiser to run again
   * (null when the class has none).
   */
  record Plan(List<FieldNode> resetFields, Set<String> unfinal, MethodNode initialiser) {}

  private StaticReset() {}

  /** {@link #plan(byte[], Function)} that looks at no other class. */
  static Plan plan(byte[] classFile) {
    return plan(classFile, name -> null);
  }

  /**
   * The plan for resetting {@code classFile}'s static state in place, or null when it has none
   * to reset or cannot be reset exactly.
   *
   * @param classFiles the class file of another class by internal name, or null: the initialiser
   *     may make instances of another class whose constructors are pure without any static field
   */
  static Plan plan(byte[] classFile, Function<String, byte[]> classFiles) {
    if (!StaticState.isMutable(classFile)) return null; // nothing a schedule could change
    ClassReader reader = new ClassReader(classFile);
    int notResettable = Opcodes.ACC_INTERFACE | Opcodes.ACC_ENUM | Opcodes.ACC_MODULE
        | Opcodes.ACC_ANNOTATION;
    if ((reader.getAccess() & notResettable) != 0) return null;
    ClassNode node = new ClassNode();
    reader.accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    MethodNode initialiser = Purity.method(node, "<clinit>()V");
    Set<String> unfinal = new HashSet<>();
    if (initialiser != null) {
      if (!new Classes(classFiles).purity(node, true).pure(initialiser)) return null;
      for (AbstractInsnNode insn : initialiser.instructions) {
        if (insn.getOpcode() == Opcodes.PUTSTATIC) unfinal.add(((FieldInsnNode) insn).name);
      }
    }
    List<FieldNode> resetFields = new ArrayList<>();
    for (FieldNode f : node.fields) {
      boolean isStatic = (f.access & Opcodes.ACC_STATIC) != 0;
      boolean writable = (f.access & Opcodes.ACC_FINAL) == 0 || unfinal.contains(f.name);
      if (isStatic && writable && f.value == null && !f.name.equals(JACOCO_DATA)) {
        resetFields.add(f);
      }
    }
    if (resetFields.isEmpty()) return null;
    return new Plan(resetFields, unfinal, initialiser);
  }

  /** The classes one plan looks into, each read and judged once. */
  private static final class Classes {
    private final Function<String, byte[]> classFiles;
    private final Map<String, Purity> judged = new HashMap<>();

    Classes(Function<String, byte[]> classFiles) {
      this.classFiles = classFiles;
    }

    Purity purity(ClassNode node, boolean ownStatics) {
      return judged.computeIfAbsent(node.name + ownStatics,
          k -> new Purity(node, ownStatics, this));
    }

    /**
     * Another class whose instances pure code may make: one of the program's, readable, whose own
     * initialiser is pure (making an instance may initialise it), or null.
     */
    Purity other(String name) {
      if (name.startsWith("java/") || name.startsWith("javax/") || name.startsWith("jdk/")
          || name.startsWith("sun/") || name.startsWith("com/sun/")) {
        return null;
      }
      String key = name + false;
      if (judged.containsKey(key)) return judged.get(key);
      judged.put(key, null); // a cycle of classes making each other: not pure
      byte[] bytes = classFiles.apply(name);
      Purity instances = null;
      if (bytes != null) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        int notInstantiable = Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ENUM;
        MethodNode initialiser = Purity.method(node, "<clinit>()V");
        if ((node.access & notInstantiable) == 0
            && (initialiser == null || purity(node, true).pure(initialiser))) {
          instances = new Purity(node, false, this);
        }
      }
      judged.put(key, instances);
      return instances;
    }
  }

  /**
   * Decides whether methods of one class are pure in the sense above, each at most once: with
   * {@code ownStatics}, they may use the class's own static fields (its initialiser and what it
   * calls); without, no static field at all (the constructors of another class, which would see
   * that class's static state as it is when the reset runs, not when the first use would).
   */
  private static final class Purity {
    private final String owner;
    private final boolean ownStatics;
    private final boolean finalClass;
    private final Classes classes;
    private final Map<String, MethodNode> methods = new HashMap<>();
    /** Fields the class declares, as "name descriptor". */
    private final Set<String> fields = new HashSet<>();
    private final Map<MethodNode, Boolean> decided = new HashMap<>();

    Purity(ClassNode node, boolean ownStatics, Classes classes) {
      this.owner = node.name;
      this.ownStatics = ownStatics;
      this.finalClass = (node.access & Opcodes.ACC_FINAL) != 0;
      this.classes = classes;
      for (MethodNode m : node.methods) methods.put(m.name + m.desc, m);
      for (FieldNode f : node.fields) fields.add(f.name + " " + f.desc);
    }

    static MethodNode method(ClassNode node, String nameAndDescriptor) {
      for (MethodNode m : node.methods) {
        if ((m.name + m.desc).equals(nameAndDescriptor)) return m;
      }
      return null;
    }

    boolean pure(MethodNode method) {
      Boolean known = decided.get(method);
      if (known != null) return known;
      decided.put(method, true); // a call back into a method being decided adds nothing new
      boolean pure = (method.access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE
          | Opcodes.ACC_ABSTRACT)) == 0 && method.instructions.size() > 0;
      for (AbstractInsnNode insn : method.instructions) {
        if (!pure) break;
        pure = allowed(insn);
      }
      decided.put(method, pure);
      return pure;
    }

    private boolean allowed(AbstractInsnNode insn) {
      int op = insn.getOpcode();
      if (op < 0) return true; // labels, lines, frames
      switch (op) {
        case Opcodes.GETSTATIC, Opcodes.PUTSTATIC:
          // Declared here: a field named through this class but inherited is another's state.
          FieldInsnNode field = (FieldInsnNode) insn;
          return ownStatics && field.owner.equals(owner)
              && fields.contains(field.name + " " + field.desc);
        case Opcodes.GETFIELD, Opcodes.PUTFIELD:
          return true; // of an object this code made, or reached from its own static fields
        case Opcodes.NEW:
          String type = ((TypeInsnNode) insn).desc;
          return type.equals(owner) || JDK_CONSTRUCTORS.contains(type)
              || classes.other(type) != null;
        case Opcodes.LDC:
          Object constant = ((LdcInsnNode) insn).cst;
          return !(constant instanceof Handle)
              && !(constant instanceof Type t && t.getSort() == Type.METHOD)
              && !(constant instanceof org.objectweb.asm.ConstantDynamic);
        case Opcodes.INVOKESTATIC, Opcodes.INVOKESPECIAL, Opcodes.INVOKEVIRTUAL,
            Opcodes.INVOKEINTERFACE:
          return allowedCall((MethodInsnNode) insn);
        case Opcodes.INVOKEDYNAMIC, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.JSR,
            Opcodes.RET:
          return false;
        default:
          return true; // arithmetic, locals, arrays, branches, casts, returns, throws
      }
    }

    private boolean allowedCall(MethodInsnNode call) {
      int op = call.getOpcode();
      if (call.owner.equals(owner)) {
        // Own methods whose target is known: static ones, constructors, and those no subclass
        // overrides (javac calls private methods with invokevirtual since Java 11).
        MethodNode target = methods.get(call.name + call.desc);
        if (target == null || op == Opcodes.INVOKEINTERFACE) return false;
        boolean known = op != Opcodes.INVOKEVIRTUAL || finalClass
            || (target.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0;
        boolean isStatic = (target.access & Opcodes.ACC_STATIC) != 0;
        return known && isStatic == (op == Opcodes.INVOKESTATIC) && pure(target);
      }
      String key = call.owner + "." + call.name + call.desc;
      return switch (op) {
        case Opcodes.INVOKESPECIAL -> call.name.equals("<init>") && constructor(call);
        case Opcodes.INVOKESTATIC -> JDK_STATIC_CALLS.contains(key);
        case Opcodes.INVOKEVIRTUAL -> JDK_INSTANCE_CALLS.contains(key);
        default -> false;
      };
    }

    /** A constructor of another class: a JDK one that calls no user code, or a pure one. */
    private boolean constructor(MethodInsnNode call) {
      if (JDK_CONSTRUCTORS.contains(call.owner)) {
        return primitivesOrStrings(call.desc)
            || STORING_CONSTRUCTORS.contains(call.owner + "." + call.desc);
      }
      Purity other = classes.other(call.owner);
      MethodNode target = other == null ? null : other.methods.get(call.name + call.desc);
      return target != null && other.pure(target);
    }

    /** A constructor taking only primitives and strings: it can call no user code. */
    private static boolean primitivesOrStrings(String descriptor) {
      for (Type argument : Type.getArgumentTypes(descriptor)) {
        boolean primitive = argument.getSort() < Type.ARRAY;
        if (!primitive && !argument.getDescriptor().equals("Ljava/lang/String;")) return false;
      }
      return true;
    }
  }
}
