package dev.baton.instrument;

import java.util.function.Consumer;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Builds the chain of method visitors for each method of a JDK class, one rule per visitor, like
 * {@link UserClassVisitor} for user code:
 *
 * <pre>
 * reader -> [entry hook: ParkEntry | ThreadRun | VirtualThreadRun | ThreadStart | ThreadExit | CurrentInstant]
 *        -> [LineTracker -> JdkBlockingCallsAdapter -> [JdkMonitorAdapter -> MonitorAdapter]]
 *        -> [CommonPoolAdapter -> UnsafeParkAdapter] -> [ClockReadAdapter] -> writer
 * </pre>
 *
 * Which rules a class gets is decided by {@link JdkTransformer} ({@link Rules}). Entry hooks see
 * the original body first; the visitors after them pass the hook calls through untouched.
 */
final class JdkClassVisitor extends ClassVisitor {
  /**
   * The rules for one class.
   *
   * @param entryHooks some methods get a hook at entry ({@link EntryHooks})
   * @param monitors monitors, wait and notify are modelled ({@link JdkMonitorAdapter})
   * @param blockingCalls waits, notifications, sleeps and joins go through hooks ({@link
   *     JdkBlockingCallsAdapter}); true where {@code monitors} is
   * @param poolAndPark the common pool and {@code Unsafe.park} go through hooks
   * @param clockReads clock reads go to the virtual clock ({@link ClockReadAdapter})
   * @param millisHook the hook for {@code currentTimeMillis()}, or null for the default one
   */
  record Rules(
      boolean entryHooks, boolean monitors, boolean blockingCalls, boolean poolAndPark,
      boolean clockReads, String millisHook) {

    boolean any() {
      return entryHooks || monitors || blockingCalls || poolAndPark || clockReads;
    }
  }

  private final Rules rules;
  private final Consumer<String> rewritten;
  private String owner;
  private String sourceFile;

  /** @param rewritten told {@code owner.nameDesc} of every method an entry hook was added to */
  JdkClassVisitor(ClassVisitor next, Rules rules, Consumer<String> rewritten) {
    super(Opcodes.ASM9, next);
    this.rules = rules;
    this.rewritten = rewritten;
  }

  @Override
  public void visit(
      int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    this.owner = name;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public void visitSource(String source, String debug) {
    this.sourceFile = source;
    super.visitSource(source, debug);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String desc, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
    if (mv == null) return null;
    boolean initialiser = name.equals("<clinit>");
    if (rules.clockReads()) mv = new ClockReadAdapter(mv, rules.millisHook());
    if (rules.poolAndPark()) {
      mv = new UnsafeParkAdapter(mv);
      if (!initialiser) mv = new CommonPoolAdapter(mv);
    }
    if ((rules.monitors() || rules.blockingCalls()) && !initialiser) {
      // A class initialiser is never preempted (see ClassInitAdapter): its monitors stay real.
      MethodSites sites = new MethodSites(owner.replace('/', '.'), name, sourceFile);
      if (rules.monitors()) {
        // The monitor rewrite buffers the method: what registers sites (JdkBlockingCallsAdapter)
        // comes before it, while LineTracker still says the line.
        mv = new JdkMonitorAdapter(
            new MonitorAdapter(access, name, desc, signature, exceptions, mv, sites));
      }
      mv = new JdkBlockingCallsAdapter(mv, sites, (access & Opcodes.ACC_SYNCHRONIZED) != 0);
      mv = new LineTracker(sites, mv);
    }
    if (rules.entryHooks()) {
      MethodVisitor hooked = EntryHooks.wrap(owner, name + desc, mv);
      if (hooked != null) {
        rewritten.accept(owner + "." + name + desc);
        mv = hooked;
      }
    }
    return mv;
  }
}
