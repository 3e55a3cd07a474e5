package dev.baton.instrument;

import dev.baton.instrument.UnpublishedObjects.Accesses;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Builds the chain of method visitors for each method of a user class, one rule per visitor:
 *
 * <pre>
 * reader -> [UnpublishedLookahead] -> LineTracker -> [SynchronizedMethodAdapter]
 *        -> NondeterminismAdapter -> CallReplacementAdapter -> SharedCallAdapter
 *        -> FieldAccessAdapter -> JacocoProbes -> ArrayAccessAdapter -> MonitorAdapter
 *        -> AtomicCallHandlers -> DriverLookupAdapter -> writer
 * </pre>
 *
 * Order matters where one visitor's output is another's input: the synchronized-method rule emits
 * plain {@code monitorenter}/{@code monitorexit} for {@link MonitorAdapter} to turn into scheduling
 * points, and {@code wait}/{@code notify} are replaced before {@link SharedCallAdapter} could see
 * them on a {@code java.util} owner; a constructor, and a method that allocates, is analysed whole
 * before any rewriting, for the accesses {@link FieldAccessAdapter} and {@link ArrayAccessAdapter}
 * may skip. Hook calls themselves match no rule. Static initialisers get {@link ClassInitAdapter}
 * only; JaCoCo's {@code $jacocoInit} none.
 */
final class UserClassVisitor extends ClassVisitor {
  private final ClassHierarchy hierarchy;
  /** Null when no escape rule is on. */
  private final ConstructorLeaks leaks;
  private final PointRules rules;
  /** The fields of this class whose reads {@link FieldAccessAdapter} may skip. */
  private final ImmutableFields immutable;
  private String internalName;
  private int version;
  private String sourceFile;
  private MethodReferenceBridges bridges;
  /** A subclass of {@code Thread}: its {@code run()} is a thread's body. */
  private boolean threadSubclass;

  UserClassVisitor(ClassVisitor next, ClassHierarchy hierarchy, ConstructorLeaks leaks,
      PointRules rules, ImmutableFields immutable) {
    super(Opcodes.ASM9, next);
    this.hierarchy = hierarchy;
    this.leaks = leaks;
    this.rules = rules;
    this.immutable = immutable;
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    this.internalName = name;
    this.version = version;
    this.threadSubclass = superName != null && !superName.equals("java/lang/Object")
        && hierarchy.isSubclassOf(superName, "java/lang/Thread");
    this.bridges =
        new MethodReferenceBridges(name, (access & Opcodes.ACC_INTERFACE) != 0, version);
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public void visitSource(String source, String debug) {
    this.sourceFile = source;
    super.visitSource(source, debug);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
    boolean synchronizedMethod = hasCode && (access & Opcodes.ACC_SYNCHRONIZED) != 0;
    int written = synchronizedMethod ? access & ~Opcodes.ACC_SYNCHRONIZED : access;
    MethodVisitor mv = super.visitMethod(written, name, descriptor, signature, exceptions);
    if (mv == null || !hasCode) {
      return mv;
    }
    if (threadSubclass && name.equals("run") && descriptor.equals("()V")
        && (access & Opcodes.ACC_STATIC) == 0) {
      // A thread's body, like Thread.run(): it begins with the hook where a started thread
      // arrives, innermost so that it comes before anything the other adapters put first.
      mv = new ThreadRunAdapter(mv);
    }
    if (name.equals("<clinit>")) {
      return new DriverLookupAdapter(new ClassInitAdapter(mv), internalName, version);
    }
    if (name.equals(JacocoProbes.INIT)) {
      return mv; // JaCoCo's probe array set-up: coverage bookkeeping, no scheduling point in it
    }
    MethodSites sites = new MethodSites(internalName.replace('/', '.'), name, sourceFile);
    mv = new DriverLookupAdapter(mv, internalName, version);
    mv = new AtomicCallHandlers(access, name, descriptor, signature, exceptions, mv);
    mv = new MonitorAdapter(written, name, descriptor, signature, exceptions, mv, sites);
    // filled by the UnpublishedLookahead, when there is one, before the code reaches the adapters
    Accesses unpublished = Accesses.none();
    mv = new JacocoProbes(
        new ArrayAccessAdapter(mv, access, name, descriptor, sites, unpublished.elements()));
    mv = new FieldAccessAdapter(
        mv, access, name, descriptor, sites, hierarchy, unpublished.fields(), immutable);
    mv = new SharedCallAdapter(mv, access, name, descriptor, sites, hierarchy);
    mv = new CallReplacementAdapter(mv, sites, hierarchy, bridges);
    mv = new NondeterminismAdapter(mv, sites);
    if (synchronizedMethod) {
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      mv = new SynchronizedMethodAdapter(mv, isStatic, internalName, version);
    }
    mv = new LineTracker(sites, mv);
    if (synchronizedMethod) {
      mv = new FirstLineLookahead(access, name, descriptor, signature, exceptions, sites, mv);
    }
    boolean trackThis = rules.unpublishedThis() && name.equals("<init>");
    if (leaks != null && (trackThis || rules.freshObjects())) {
      mv = new UnpublishedLookahead(internalName, access, name, descriptor, signature, exceptions,
          leaks, trackThis, rules.freshObjects(), unpublished, mv);
    }
    return mv;
  }

  @Override
  public void visitEnd() {
    bridges.emit(cv);
    super.visitEnd();
  }
}
