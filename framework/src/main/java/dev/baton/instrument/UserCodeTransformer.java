package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
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
    return rewriteClass(internalName, classFile).bytes();
  }

  /**
   * A rewritten class file, and how the class's static state is made new for the next schedule
   * as rewritten ({@link StaticReset.Kind}: a class planned for a reset whose copy of its
   * initialiser did not fit blocks instead; one that cannot say it was initialised is untracked).
   */
  record Rewritten(byte[] bytes, StaticReset.Kind reset) {}

  /** {@link #transform}, telling how the class's static state is made new. */
  Rewritten rewriteClass(String internalName, byte[] classFile) {
    if (internalName.equals("module-info")
        || internalName.equals("package-info")
        || internalName.endsWith("/package-info")) {
      return new Rewritten(classFile, StaticReset.Kind.NOTHING);
    }
    ClassReader reader = new ClassReader(classFile);
    if ((reader.getAccess() & Opcodes.ACC_MODULE) != 0) {
      return new Rewritten(classFile, StaticReset.Kind.NOTHING);
    }
    hierarchy.register(classFile);
    if (leaks != null) leaks.register(internalName, classFile);
    try {
      StaticReset.Plan plan = StaticReset.plan(classFile, this::classFileOf);
      // A reset needs its copy of the initialiser to fit, and both kinds need the call that says
      // the initialiser started; failing either, the class blocks, or is not even tracked.
      if (plan.kind() == StaticReset.Kind.RESET) {
        Rewritten rewritten = rewriteFitting(reader, classFile, plan);
        if (rewritten != null) return rewritten;
        plan = StaticReset.Plan.BLOCKS;
      }
      if (plan.kind() == StaticReset.Kind.BLOCKS) {
        Rewritten rewritten = rewriteFitting(reader, classFile, plan);
        if (rewritten != null) return rewritten;
        plan = StaticReset.Plan.UNTRACKED;
      }
      return new Rewritten(rewrite(reader, classFile, null), plan.kind());
    } finally {
      if (leaks != null) leaks.forget(internalName);
    }
  }

  /** The class rewritten as {@code plan} says, or null when that does not fit or cannot say. */
  private Rewritten rewriteFitting(ClassReader reader, byte[] classFile, StaticReset.Plan plan) {
    try {
      StaticResetAdder adder = new StaticResetAdder(plan);
      byte[] bytes = rewrite(reader, classFile, adder);
      return adder.saysWhenInitialised() ? new Rewritten(bytes, plan.kind()) : null;
    } catch (MethodTooLargeException tooLarge) {
      return null;
    }
  }

  /** The rewritten class; {@code adder}, if not null, adds what its static state needs. */
  private byte[] rewrite(ClassReader reader, byte[] classFile, StaticResetAdder adder) {
    int major = reader.readUnsignedShort(6);
    // Class files before Java 6 have no stack map frames (and may use jsr/ret, which frame
    // computation rejects); the old verifier only needs max stack and locals.
    int flags = major >= 50 ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS;
    ClassWriter writer = new HierarchyClassWriter(flags, hierarchy);
    ImmutableFields immutable = rules.immutableFields()
        ? ImmutableFields.of(classFile, resources, hierarchy, leaks::mayLeak)
        : ImmutableFields.NONE;
    ClassVisitor last = new IdentityHashAdder(writer);
    if (adder != null) last = adder.writingTo(last);
    reader.accept(new UserClassVisitor(last, hierarchy, leaks, rules, immutable),
        ClassReader.SKIP_FRAMES);
    return writer.toByteArray();
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
