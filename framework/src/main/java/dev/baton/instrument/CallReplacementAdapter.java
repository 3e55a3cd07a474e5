package dev.baton.instrument;

import java.util.Map;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for the blocking and thread-control calls: replaces {@code Object.wait/notify/notifyAll} and
 * {@code Thread.join/interrupt/sleep/yield/onSpinWait/holdsLock} and {@code
 * System.nanoTime/currentTimeMillis} call sites with the matching
 * {@link dev.baton.runtime.Hooks} method (which makes the real call when nothing is managed), and
 * adds a scheduling point after {@code Thread.start()}.
 *
 * <p>Only call sites in user code can be rewritten: several of these methods are native in the JDK.
 * {@code wait}/{@code notify} are final in {@code Object}, so name and descriptor identify them on
 * any owner; the {@code Thread} methods are matched on {@code Thread} and its subclasses.
 */
final class CallReplacementAdapter extends MethodVisitor {
  private static final String THREAD = "java/lang/Thread";

  /** A hook replacing a call; {@code kind == null} for hooks that take no site. */
  record Replacement(String hook, String hookDescriptor, SiteKind kind) {}

  /** Instance methods of {@code Object}, keyed by name + descriptor. */
  static final Map<String, Replacement> OBJECT_METHODS =
      Map.of(
          "wait()V", new Replacement("objectWait", "(Ljava/lang/Object;I)V", SiteKind.WAIT),
          "wait(J)V", new Replacement("objectWait", "(Ljava/lang/Object;JI)V", SiteKind.WAIT),
          "wait(JI)V", new Replacement("objectWait", "(Ljava/lang/Object;JII)V", SiteKind.WAIT),
          "notify()V", new Replacement("objectNotify", "(Ljava/lang/Object;I)V", SiteKind.NOTIFY),
          "notifyAll()V",
              new Replacement("objectNotifyAll", "(Ljava/lang/Object;I)V", SiteKind.NOTIFY_ALL));

  /** Instance methods of {@code Thread}. */
  private static final Map<String, Replacement> THREAD_VIRTUAL =
      Map.of(
          "join()V", new Replacement("join", "(Ljava/lang/Thread;I)V", SiteKind.JOIN),
          "join(J)V", new Replacement("join", "(Ljava/lang/Thread;JI)V", SiteKind.JOIN),
          "join(JI)V", new Replacement("join", "(Ljava/lang/Thread;JII)V", SiteKind.JOIN),
          "interrupt()V", new Replacement("interrupt", "(Ljava/lang/Thread;I)V", SiteKind.INTERRUPT),
          "isInterrupted()Z", new Replacement("isInterrupted", "(Ljava/lang/Thread;)Z", null),
          "getState()Ljava/lang/Thread$State;",
              new Replacement("threadState", "(Ljava/lang/Thread;)Ljava/lang/Thread$State;", null),
          "join(Ljava/time/Duration;)Z",
              new Replacement("join", "(Ljava/lang/Thread;Ljava/time/Duration;I)Z", SiteKind.JOIN));

  /** Static methods of {@code Thread}. */
  private static final Map<String, Replacement> THREAD_STATIC =
      Map.of(
          "sleep(J)V", new Replacement("sleep", "(JI)V", SiteKind.SLEEP),
          "sleep(JI)V", new Replacement("sleep", "(JII)V", SiteKind.SLEEP),
          "sleep(Ljava/time/Duration;)V",
              new Replacement("sleep", "(Ljava/time/Duration;I)V", SiteKind.SLEEP),
          "yield()V", new Replacement("yield", "(I)V", SiteKind.YIELD),
          "onSpinWait()V", new Replacement("onSpinWait", "(I)V", SiteKind.SPIN_WAIT),
          "holdsLock(Ljava/lang/Object;)Z",
              new Replacement("holdsLock", "(Ljava/lang/Object;)Z", null));

  /** Clock reads: virtual time for managed threads, and a scheduling point. */
  private static final Map<String, Replacement> SYSTEM_STATIC =
      Map.of(
          "nanoTime()J", new Replacement("nanoTime", "(I)J", SiteKind.CLOCK),
          "currentTimeMillis()J", new Replacement("currentTimeMillis", "(I)J", SiteKind.CLOCK));

  /**
   * The hook for a blocking call that JDK code makes for its caller ({@link
   * JdkBlockingCallsAdapter}), or null: {@code wait}/{@code notify}/{@code notifyAll} on any
   * object, {@code Thread.sleep} and {@code Thread.join}. JDK code names {@code Thread} itself.
   */
  static Replacement blockingCallOfJdkCode(
      int opcode, String owner, String name, String descriptor) {
    String key = name + descriptor;
    if (opcode == Opcodes.INVOKEVIRTUAL) {
      Replacement r = OBJECT_METHODS.get(key);
      if (r != null) return r;
      r = THREAD_VIRTUAL.get(key);
      return r != null && r.kind() == SiteKind.JOIN && owner.equals(THREAD) ? r : null;
    }
    if (opcode == Opcodes.INVOKESTATIC && owner.equals(THREAD)) {
      Replacement r = THREAD_STATIC.get(key);
      return r != null && r.kind() == SiteKind.SLEEP ? r : null;
    }
    return null;
  }

  private final MethodSites sites;
  private final ClassHierarchy hierarchy;
  private final MethodReferenceBridges bridges;

  CallReplacementAdapter(
      MethodVisitor next, MethodSites sites, ClassHierarchy hierarchy,
      MethodReferenceBridges bridges) {
    super(Opcodes.ASM9, next);
    this.sites = sites;
    this.hierarchy = hierarchy;
    this.bridges = bridges;
  }

  /**
   * A method reference ({@code lock::notifyAll}, {@code Thread::yield}) to a replaced method is
   * linked by {@code invokedynamic}, which no call-site rule sees: point its implementation handle
   * at a bridge method that calls the hook instead.
   */
  @Override
  public void visitInvokeDynamicInsn(
      String name, String descriptor, Handle bootstrap, Object... bootstrapArguments) {
    if (bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
        && bootstrapArguments.length >= 3
        && bootstrapArguments[1] instanceof Handle target) {
      int opcode = switch (target.getTag()) {
        case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
        case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
        case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
        default -> -1;
      };
      Replacement replacement =
          opcode < 0 ? null : find(opcode, target.getOwner(), target.getName(), target.getDesc());
      if (replacement != null) {
        int site = replacement.kind() == null
            ? -1 : sites.register(replacement.kind(), MethodSites.simpleName(target.getOwner()));
        Object[] arguments = bootstrapArguments.clone();
        arguments[1] = bridges.bridge(target, opcode == Opcodes.INVOKESTATIC, replacement, site);
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        return;
      }
    }
    super.visitInvokeDynamicInsn(name, descriptor, bootstrap, bootstrapArguments);
  }

  /** The hook that replaces a call, or null. */
  private Replacement find(int opcode, String owner, String name, String descriptor) {
    String key = name + descriptor;
    return switch (opcode) {
      case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE -> {
        Replacement r = OBJECT_METHODS.get(key);
        if (r == null && opcode == Opcodes.INVOKEVIRTUAL) {
          r = THREAD_VIRTUAL.get(key);
          if (r != null && !isThread(owner)) r = null;
        }
        yield r;
      }
      case Opcodes.INVOKESTATIC -> {
        if (owner.equals("java/lang/System")) yield SYSTEM_STATIC.get(key);
        Replacement r = THREAD_STATIC.get(key);
        yield r != null && isThread(owner) ? r : null;
      }
      default -> null;
    };
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    String key = name + descriptor;
    Replacement replacement = find(opcode, owner, name, descriptor);
    if (replacement != null) {
      if (replacement.kind() != null) {
        sites.push(mv, replacement.kind(), MethodSites.simpleName(owner));
      }
      HookCalls.invoke(mv, replacement.hook(), replacement.hookDescriptor());
      return;
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    if (opcode == Opcodes.INVOKEVIRTUAL && key.equals("start()V") && isThread(owner)) {
      // After the real start, never at its entry: the child must exist before the baton moves.
      sites.push(mv, SiteKind.THREAD_START, MethodSites.simpleName(owner));
      HookCalls.invoke(mv, "yieldPoint", "(I)V");
    }
  }

  private boolean isThread(String owner) {
    return owner.equals(THREAD) || hierarchy.isSubclassOf(owner, THREAD);
  }
}
