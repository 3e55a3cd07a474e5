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
 * How a class's static state is made new for the next schedule without a new class loader, whose
 * classes would be new code, never compiled, in every schedule ({@link Kind}): its static fields
 * put back to their defaults and its static initialiser run again, in the same class; nothing, for
 * an enum of immutable constants or javac's switch tables; or a new loader after all.
 *
 * <p>Running an initialiser again at the start of a schedule is exact only where that cannot be
 * told from running it at the class's first use in a new loader: so the initialiser (and every
 * method of the class it calls) may only compute, read enum constants of immutable enums and final
 * JDK fields, allocate arrays, instances of its own class, of classes whose constructors use no
 * static field, and a few JDK objects that call no user code ({@link #JDK_CONSTRUCTORS}), read and
 * write the class's own static fields, and throw at once. Any other call, another class's static
 * field, {@code invokedynamic}, a monitor, a finalizer: the class blocks (once it has been
 * initialised, which its initialiser says; see {@link StaticResetAdder}). Interfaces (whose fields
 * cannot lose {@code final}) and enums (whose constants the JDK caches) are never run again.
 */
final class StaticReset {
  /** The synthetic static method that resets a class's static state. */
  static final String METHOD = "baton$resetStatics";

  /** JaCoCo's probe array: coverage, not the program's state; never reset. */
  private static final String JACOCO_DATA = "$jacocoData";
  /** JaCoCo's method that answers that array. */
  private static final String JACOCO_INIT = "$jacocoInit";

  /**
   * JDK classes whose constructors, given primitives or strings, allocate and touch nothing else:
   * what static initialisers of concurrency programs allocate. Not exceptions: a stored one would
   * show in its stack trace when it was made.
   */
  private static final Set<String> JDK_CONSTRUCTORS = Set.of(
      "java/lang/Object", "java/lang/StringBuilder", "java/lang/StringBuffer",
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

  /** Exceptions that an initialiser may make to throw at once (see thrownAtOnce). */
  private static final Set<String> THROWN = Set.of("java/lang/AssertionError",
      "java/lang/IllegalStateException", "java/lang/IllegalArgumentException",
      "java/lang/UnsupportedOperationException", "java/lang/RuntimeException", "java/lang/Error");

  /** Constructors that take objects and only keep them: an enum constant's. */
  private static final Set<String> STORING_CONSTRUCTORS = Set.of(
      "java/util/concurrent/atomic/AtomicReference.(Ljava/lang/Object;)V",
      "java/lang/Enum.(Ljava/lang/String;I)V");

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

  /** What a schedule that follows another needs of one class, for its static state to be new. */
  enum Kind {
    /** No static initialiser and no static state: nothing. */
    NOTHING,
    /** Its reset method: static fields back to their defaults, the initialiser run again. */
    RESET,
    /**
     * Nothing, although it has an initialiser: what that made cannot change and cannot tell one
     * schedule from another (an enum whose constants hold only immutable values, a table javac
     * made for a switch on an enum).
     */
    NEUTRAL,
    /**
     * A new loader once it has been initialised: running its initialiser again in place could be
     * told apart.
     */
    BLOCKS,
    /**
     * A new loader always: its rewritten class cannot say whether it was initialised (a class
     * file before Java 5, an initialiser so large that not even that call fits). Only rewriting
     * decides this ({@code StaticReset.plan} never answers it).
     */
    UNTRACKED
  }

  /**
   * What resetting a class takes: its kind; for {@link Kind#RESET}, its static fields to set back
   * (every one that is not final or that the initialiser writes: to its constant value if it has
   * one, else to its default), those of them that must lose {@code final} (only an initialiser may
   * write a final field), and the initialiser to run again (null when the class has none).
   */
  record Plan(Kind kind, List<FieldNode> resetFields, Set<String> unfinal, MethodNode initialiser) {
    static final Plan NOTHING = new Plan(Kind.NOTHING, List.of(), Set.of(), null);
    static final Plan NEUTRAL = new Plan(Kind.NEUTRAL, List.of(), Set.of(), null);
    static final Plan BLOCKS = new Plan(Kind.BLOCKS, List.of(), Set.of(), null);
    static final Plan UNTRACKED = new Plan(Kind.UNTRACKED, List.of(), Set.of(), null);
  }

  private StaticReset() {}

  /** Whether {@code internalName} is in the JDK's packages, which no loader of Baton's defines. */
  static boolean isJdk(String internalName) {
    return internalName.startsWith("java/") || internalName.startsWith("javax/")
        || internalName.startsWith("jdk/") || internalName.startsWith("sun/")
        || internalName.startsWith("com/sun/");
  }

  /** {@link #plan(byte[], Function)} that looks at no other class. */
  static Plan plan(byte[] classFile) {
    return plan(classFile, name -> null);
  }

  /**
   * How {@code classFile}'s static state is made new for the next schedule.
   *
   * @param classFiles the class file of another class by internal name, or null: the initialiser
   *     may make instances of another class whose constructors are pure without any static field
   */
  static Plan plan(byte[] classFile, Function<String, byte[]> classFiles) {
    ClassReader reader = new ClassReader(classFile);
    ClassNode node = new ClassNode();
    reader.accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    boolean mutable = StaticState.isMutable(classFile);
    MethodNode initialiser = Purity.method(node, "<clinit>()V");
    if (initialiser == null && !mutable) return Plan.NOTHING;
    Classes classes = new Classes(classFiles);
    if (finalizes(node)) return Plan.BLOCKS; // a finalizer of an earlier schedule runs later
    if ((node.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ENUM | Opcodes.ACC_MODULE)) != 0) {
      // Their fields cannot lose final (interfaces), or the JDK caches their constants (enums).
      boolean pure = initialiser == null || classes.purity(node, true).pure(initialiser)
          && makesOnlyConstants(node, initialiser);
      return !mutable && pure && immutableInstances(node) ? Plan.NEUTRAL : Plan.BLOCKS;
    }
    Set<String> unfinal = new HashSet<>();
    if (initialiser != null) {
      if (!classes.purity(node, true).pure(initialiser)) {
        return !mutable && switchTables(node) ? Plan.NEUTRAL : Plan.BLOCKS;
      }
      for (AbstractInsnNode insn : initialiser.instructions) {
        if (insn.getOpcode() == Opcodes.PUTSTATIC) unfinal.add(((FieldInsnNode) insn).name);
      }
    }
    List<FieldNode> resetFields = new ArrayList<>();
    boolean serialisedShapeChanges = false;
    for (FieldNode f : node.fields) {
      if ((f.access & Opcodes.ACC_STATIC) == 0 || f.name.equals(JACOCO_DATA)) continue;
      boolean isFinal = (f.access & Opcodes.ACC_FINAL) != 0;
      if (isFinal && unfinal.contains(f.name)) {
        // Java's default serialVersionUID counts the modifiers of non-private static fields.
        serialisedShapeChanges |= (f.access & Opcodes.ACC_PRIVATE) == 0;
      }
      if (!isFinal || unfinal.contains(f.name)) resetFields.add(f);
    }
    if (initialiser == null && resetFields.isEmpty()) return Plan.NOTHING; // JaCoCo's array only
    // The reset needs an initialiser that says it ran; one added to a class that had none would
    // change its default serialVersionUID too.
    serialisedShapeChanges |= initialiser == null;
    if (serialisedShapeChanges && serializableWithoutVersion(node, classes)) return Plan.BLOCKS;
    return new Plan(Kind.RESET, resetFields, unfinal, initialiser);
  }

  /**
   * Whether an initialiser left alone makes nothing that could change or be told apart: only the
   * class's own instances (an enum's constants), arrays of them ({@code $VALUES}) and plain
   * objects, in it and in the methods of its own class it calls. A field declared {@code Object}
   * may hold anything.
   */
  private static boolean makesOnlyConstants(ClassNode node, MethodNode initialiser) {
    Map<String, MethodNode> methods = new HashMap<>();
    for (MethodNode m : node.methods) methods.put(m.name + m.desc, m);
    Set<MethodNode> seen = new HashSet<>();
    List<MethodNode> todo = new ArrayList<>(List.of(initialiser));
    while (!todo.isEmpty()) {
      MethodNode method = todo.remove(todo.size() - 1);
      if (!seen.add(method)) continue;
      for (AbstractInsnNode insn : method.instructions) {
        switch (insn.getOpcode()) {
          case Opcodes.NEW -> {
            String type = ((TypeInsnNode) insn).desc;
            if (!type.equals(node.name) && !type.equals("java/lang/Object")) return false;
          }
          case Opcodes.ANEWARRAY -> {
            if (!((TypeInsnNode) insn).desc.equals(node.name)) return false;
          }
          case Opcodes.NEWARRAY, Opcodes.MULTIANEWARRAY -> {
            return false;
          }
          case Opcodes.INVOKESTATIC, Opcodes.INVOKESPECIAL, Opcodes.INVOKEVIRTUAL -> {
            MethodInsnNode call = (MethodInsnNode) insn;
            MethodNode target = call.owner.equals(node.name)
                ? methods.get(call.name + call.desc) : null;
            if (target != null) todo.add(target);
          }
          default -> { }
        }
      }
    }
    return true;
  }

  /** A class with a finalizer of its own: it runs after its schedule, on the JVM's thread. */
  private static boolean finalizes(ClassNode node) {
    for (MethodNode m : node.methods) {
      boolean finalizer = m.name.equals("finalize") && m.desc.equals("()V")
          && (m.access & Opcodes.ACC_STATIC) == 0;
      if (finalizer && m.instructions.size() > 0) {
        for (AbstractInsnNode insn : m.instructions) {
          if (insn.getOpcode() >= 0 && insn.getOpcode() != Opcodes.RETURN) return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether an enum's constants (or an interface's) hold only values that cannot change: every
   * instance field final, of a primitive type, a string or a boxed primitive.
   */
  private static boolean immutableInstances(ClassNode node) {
    for (FieldNode f : node.fields) {
      if ((f.access & Opcodes.ACC_STATIC) != 0) continue;
      boolean immutableType = f.desc.length() == 1 || f.desc.equals("Ljava/lang/String;")
          || f.desc.startsWith("Ljava/lang/") && BOXES.contains(f.desc);
      if ((f.access & Opcodes.ACC_FINAL) == 0 || !immutableType) return false;
    }
    return true;
  }

  private static final Set<String> BOXES = Set.of("Ljava/lang/Integer;", "Ljava/lang/Long;",
      "Ljava/lang/Short;", "Ljava/lang/Byte;", "Ljava/lang/Character;", "Ljava/lang/Boolean;",
      "Ljava/lang/Double;", "Ljava/lang/Float;");

  /**
   * Whether a class only holds the tables javac makes for a switch on an enum ({@code
   * $SwitchMap$...}): ordinals, the same in every schedule.
   */
  private static boolean switchTables(ClassNode node) {
    boolean any = false;
    for (FieldNode f : node.fields) {
      if ((f.access & Opcodes.ACC_STATIC) == 0) continue;
      boolean table = (f.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_FINAL))
          == (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_FINAL)
          && f.name.startsWith("$SwitchMap$") && f.desc.equals("[I");
      if (!table) return false;
      any = true;
    }
    return any;
  }

  /** Serializable, through its own class file or its supertypes', and without a UID. */
  private static boolean serializableWithoutVersion(ClassNode node, Classes classes) {
    for (FieldNode f : node.fields) {
      if (f.name.equals("serialVersionUID")) return false;
    }
    return classes.serializable(node, new HashSet<>());
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
     * Whether {@code field}, a static field of another class, holds the same value in every
     * schedule, reset in place or defined afresh: an enum constant (its enum is left alone when
     * its constants are immutable, and blocks the reset otherwise), or a final field of the JDK,
     * whose classes no schedule defines again ({@code System}'s streams excepted).
     */
    boolean sameInEverySchedule(FieldInsnNode field) {
      if (field.owner.equals("java/lang/System")) return false;
      ClassNode owner = node(field.owner);
      if (owner == null) return false;
      boolean jdk = isJdk(field.owner);
      for (FieldNode f : owner.fields) {
        if (!f.name.equals(field.name) || !f.desc.equals(field.desc)) continue;
        int constant = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
        boolean isConstant = (f.access & constant) == constant;
        // An enum constant whose fields cannot change: code that reaches it can change nothing.
        return isConstant && (jdk
            || (f.access & Opcodes.ACC_ENUM) != 0 && immutableInstances(owner));
      }
      return false; // inherited, or not there: not worth following
    }

    /** Whether {@code node} implements Serializable; true when a supertype cannot be read. */
    boolean serializable(ClassNode node, Set<String> seen) {
      if (!seen.add(node.name)) return false;
      List<String> supertypes = new ArrayList<>(node.interfaces);
      if (node.superName != null) supertypes.add(node.superName);
      for (String type : supertypes) {
        if (type.equals("java/io/Serializable")) return true;
        if (type.equals("java/lang/Object")) continue;
        ClassNode supertype = node(type);
        if (supertype == null || serializable(supertype, seen)) return true;
      }
      return false;
    }

    private final Map<String, ClassNode> nodes = new HashMap<>();

    /** Another class, read once, or null when its class file cannot be had. */
    private ClassNode node(String name) {
      return nodes.computeIfAbsent(name, n -> {
        byte[] bytes = classFiles.apply(n);
        if (bytes == null) return null;
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return node;
      });
    }

    /**
     * Another class whose instances pure code may make: one of the program's, readable, whose own
     * initialiser is pure (making an instance may initialise it), or null.
     */
    Purity other(String name) {
      if (isJdk(name)) return null;
      String key = name + false;
      if (judged.containsKey(key)) return judged.get(key);
      judged.put(key, null); // a cycle of classes making each other: not pure
      ClassNode node = node(name);
      Purity instances = null;
      if (node != null) {
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
        pure = allowed(insn, method);
      }
      decided.put(method, pure);
      return pure;
    }

    private boolean allowed(AbstractInsnNode insn, MethodNode method) {
      int op = insn.getOpcode();
      if (op < 0) return true; // labels, lines, frames
      switch (op) {
        case Opcodes.GETSTATIC, Opcodes.PUTSTATIC:
          // Declared here: a field named through this class but inherited is another's state.
          FieldInsnNode field = (FieldInsnNode) insn;
          if (ownStatics && field.owner.equals(owner)) {
            return fields.contains(field.name + " " + field.desc);
          }
          return op == Opcodes.GETSTATIC && classes.sameInEverySchedule(field);
        case Opcodes.GETFIELD, Opcodes.PUTFIELD:
          return true; // of an object this code made, or reached from its own static fields
        case Opcodes.NEW:
          String type = ((TypeInsnNode) insn).desc;
          return type.equals(owner) || JDK_CONSTRUCTORS.contains(type) || THROWN.contains(type)
              || classes.other(type) != null;
        case Opcodes.LDC:
          Object constant = ((LdcInsnNode) insn).cst;
          return !(constant instanceof Handle)
              && !(constant instanceof Type t && t.getSort() == Type.METHOD)
              && !(constant instanceof org.objectweb.asm.ConstantDynamic);
        case Opcodes.INVOKESTATIC, Opcodes.INVOKESPECIAL, Opcodes.INVOKEVIRTUAL,
            Opcodes.INVOKEINTERFACE:
          return allowedCall((MethodInsnNode) insn, method);
        case Opcodes.INVOKEDYNAMIC, Opcodes.MONITORENTER, Opcodes.MONITOREXIT, Opcodes.JSR,
            Opcodes.RET:
          return false;
        default:
          return true; // arithmetic, locals, arrays, branches, casts, returns, throws
      }
    }

    private boolean allowedCall(MethodInsnNode call, MethodNode method) {
      int op = call.getOpcode();
      if (call.owner.equals(owner) && call.name.equals(JACOCO_INIT)) {
        return true; // JaCoCo's probes of this class: coverage, the same array every time
      }
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
        case Opcodes.INVOKESPECIAL -> call.name.equals("<init>")
            && (constructor(call) || thrownAtOnce(call, method));
        case Opcodes.INVOKESTATIC -> JDK_STATIC_CALLS.contains(key);
        case Opcodes.INVOKEVIRTUAL -> JDK_INSTANCE_CALLS.contains(key);
        default -> false;
      };
    }

    /** A constructor of another class: a JDK one that calls no user code, or a pure one. */
    private boolean constructor(MethodInsnNode call) {
      if (STORING_CONSTRUCTORS.contains(call.owner + "." + call.desc)) return true;
      if (JDK_CONSTRUCTORS.contains(call.owner)) return primitivesOrStrings(call.desc);
      Purity other = classes.other(call.owner);
      MethodNode target = other == null ? null : other.methods.get(call.name + call.desc);
      return target != null && other.pure(target);
    }

    /**
     * An exception made to be thrown at once, out of the method (an {@code assert}, an argument
     * check): if it is thrown, the class is never initialised and a new loader is used; it is
     * never kept, where its stack trace would show when it was made.
     */
    private static boolean thrownAtOnce(MethodInsnNode call, MethodNode method) {
      if (!THROWN.contains(call.owner) || !method.tryCatchBlocks.isEmpty()) return false;
      AbstractInsnNode next = call.getNext();
      while (next != null && next.getOpcode() < 0) next = next.getNext();
      if (next == null || next.getOpcode() != Opcodes.ATHROW) return false;
      if (primitivesOrStrings(call.desc)) return true;
      // assert ... : "message" passes the message as an Object
      AbstractInsnNode before = call.getPrevious();
      while (before != null && before.getOpcode() < 0) before = before.getPrevious();
      return call.desc.equals("(Ljava/lang/Object;)V")
          && before instanceof LdcInsnNode ldc && ldc.cst instanceof String;
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
