package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one user class so that every scheduling point calls {@link dev.baton.runtime.Hooks}.
 *
 * <p>The rules, one visitor each (see {@link UserClassVisitor} for the chain):
 *
 * <ul>
 *   <li>non-final field reads and writes, and array element loads and stores, get a hook before
 *       them, except a constructor's accesses to its own object before that object can have
 *       escaped to another thread ({@link UnpublishedThis});
 *   <li>calls into {@code java.util} (collections, {@code java.util.concurrent}, atomics), {@code
 *       VarHandle} and {@code Unsafe} get a hook before them;
 *   <li>{@code monitorenter}/{@code monitorexit} ask the scheduler and run only if it did not
 *       model them; synchronized methods are rewritten into explicit monitor blocks first;
 *   <li>{@code wait}, {@code notify}, {@code notifyAll}, {@code Thread.join}, {@code sleep}, {@code
 *       yield}, {@code onSpinWait}, {@code interrupt}, {@code holdsLock} call sites are replaced by
 *       hooks, and {@code Thread.start()} is followed by a scheduling point;
 *   <li>static initialisers report their entry and exit, and nothing in them is instrumented
 *       but the next rule;
 *   <li>a call that makes JDBC's {@code DriverManager} look through its drivers is preceded by
 *       {@link ScenarioDrivers#beforeLookup}, so that the caller's loader's drivers answer it;
 *   <li>random numbers come from the schedule's seed, and a class that inherits {@code
 *       Object.hashCode()} gets a repeatable one ({@link NondeterminismAdapter}, {@link
 *       IdentityHashAdder});
 *   <li>a static initialiser says when it starts, and a class whose initialiser cannot tell when
 *       it runs gets a method that puts its static state back as a new loader would define it
 *       ({@link StaticReset}, {@link StaticResetAdder}).
 * </ul>
 *
 * <p>Frames are recomputed with a common-superclass resolver that reads class files through {@code
 * resources} and never loads a class. Thread-safe: one instance serves a whole class loader.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class UserCodeTransformer {
  private final ClassLoader resources;
  private final ClassHierarchy hierarchy;
  private final PointRules rules;
  /** Null when no escape rule is on. */
  private final ConstructorLeaks leaks;
  /** Classes whose initialiser could not be made to say when it starts (see transform). */
  private final Set<String> unrecorded = ConcurrentHashMap.newKeySet();

  /** @param resources where the bytes of other classes come from, for frames and type checks */
  public UserCodeTransformer(ClassLoader resources) {
    this(resources, PointRules.fromSystemProperties());
  }

  /** @param rules which accesses that no other thread can race with are left without a point */
  UserCodeTransformer(ClassLoader resources, PointRules rules) {
    if (resources == null) {
      throw new IllegalArgumentException("resources must not be null");
    }
    this.resources = resources;
    this.hierarchy = new ClassHierarchy(resources);
    this.rules = rules;
    this.leaks = rules.anyEscapeRule() ? new ConstructorLeaks(resources) : null;
  }

  /** Returns the instrumented class file of {@code internalName} ({@code com/acme/Account}). */
  public byte[] transform(String internalName, byte[] classFile) {
    if (internalName.equals("module-info")
        || internalName.equals("package-info")
        || internalName.endsWith("/package-info")) {
      return classFile;
    }
    ClassReader reader = new ClassReader(classFile);
    if ((reader.getAccess() & Opcodes.ACC_MODULE) != 0) {
      return classFile;
    }
    hierarchy.register(classFile);
    if (leaks != null) leaks.register(internalName, classFile);
    try {
      StaticReset.Plan reset = StaticReset.plan(classFile, this::classFileOf);
      if (reset.kind() == StaticReset.Kind.RESET) {
        try {
          Rewritten rewritten = rewrite(reader, classFile, reset);
          if (rewritten.saysWhenInitialised()) return recorded(internalName, rewritten.bytes());
        } catch (MethodTooLargeException tooLarge) {
          // A copy of a huge initialiser does not fit: the class is defined afresh instead.
        }
        reset = StaticReset.Plan.BLOCKS;
      }
      if (reset.kind() == StaticReset.Kind.BLOCKS) {
        try {
          Rewritten rewritten = rewrite(reader, classFile, reset);
          if (rewritten.saysWhenInitialised()) return recorded(internalName, rewritten.bytes());
        } catch (MethodTooLargeException tooLarge) {
          // Not even the call that says the initialiser started fits.
        }
        unrecorded.add(internalName);
      }
      return rewrite(reader, classFile, null).bytes();
    } finally {
      if (leaks != null) leaks.forget(internalName);
    }
  }

  /** A rewritten class file, and whether its static initialiser says when it starts. */
  private record Rewritten(byte[] bytes, boolean saysWhenInitialised) {}

  /** The rewritten class; with {@code reset}, it can also reset its static state in place. */
  private Rewritten rewrite(ClassReader reader, byte[] classFile, StaticReset.Plan reset) {
    int major = reader.readUnsignedShort(6);
    // Class files before Java 6 have no stack map frames (and may use jsr/ret, which frame
    // computation rejects); the old verifier only needs max stack and locals.
    int flags = major >= 50 ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS;
    ClassWriter writer = new HierarchyClassWriter(flags, hierarchy);
    ImmutableFields immutable = rules.immutableFields()
        ? ImmutableFields.of(classFile, resources, hierarchy, leaks::mayLeak)
        : ImmutableFields.NONE;
    ClassVisitor last = new IdentityHashAdder(writer);
    StaticResetAdder adder = reset == null ? null : new StaticResetAdder(last, reset);
    if (adder != null) last = adder;
    reader.accept(new UserClassVisitor(last, hierarchy, leaks, rules, immutable),
        ClassReader.SKIP_FRAMES);
    return new Rewritten(writer.toByteArray(), adder != null && adder.saysWhenInitialised());
  }

  private byte[] recorded(String internalName, byte[] rewritten) {
    unrecorded.remove(internalName);
    return rewritten;
  }

  /**
   * Whether the last rewriting of {@code internalName} says when its static initialiser starts,
   * as its {@link StaticReset} plan needs (false only when a huge initialiser left no room).
   */
  boolean saysWhenInitialised(String internalName) {
    return !unrecorded.contains(internalName);
  }

  /** How the static state of the class {@code classFile} is made new for the next schedule. */
  StaticReset.Plan resetPlan(byte[] classFile) {
    try {
      return StaticReset.plan(classFile, this::classFileOf);
    } catch (RuntimeException unreadable) {
      return StaticReset.Plan.BLOCKS;
    }
  }

  /** The class file of {@code internalName} as {@code resources} has it, or null. */
  private byte[] classFileOf(String internalName) {
    try (InputStream in = resources.getResourceAsStream(internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }
}
