package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Rule for calls into shared JDK data structures ({@code java.util} and {@code
 * java.util.concurrent}, {@code VarHandle}, {@code Unsafe}): a scheduling point before the call,
 * {@code Hooks.beforeCall(receiver, site)}, and the call itself an atomic region ({@code
 * Hooks.atomicEnter()}/{@code atomicExit()}, with the handler {@link AtomicCallHandlers} adds).
 * The JDK may run user code while it holds a real lock (a {@code computeIfAbsent} function, an
 * {@code equals} inside a {@code ConcurrentHashMap} bin or a synchronized collection): preempting
 * there would leave another thread blocked in the JVM. The hook decides at run time from the
 * receiver: such calls are not preempted inside (they still block where the JDK blocks), and
 * calls of JDK methods that hold their receiver's monitor take it in the model. Those are hooked
 * wherever they are declared ({@code StringBuffer.append}, an {@code Observable} method called on
 * a user subclass): see {@link JdkSynchronizedMethods}. A constructor's calls before its
 * super()/this() call are left out (a handler must not cover an uninitialised {@code this}).
 *
 * <p>For an instance call the receiver sits under the arguments, so the arguments are spilled to
 * scratch locals (per the call site's descriptor, which is also right for signature-polymorphic
 * {@code VarHandle} methods), the receiver is duplicated for the hook, and the arguments reloaded.
 */
final class SharedCallAdapter extends AdviceAdapter {
  private final MethodSites sites;
  private final ClassHierarchy hierarchy;
  private final TempLocals temps = new TempLocals(this::newLocal);
  /** False in a constructor until its super()/this() call: no handler may cover that code. */
  private boolean atomicCalls;

  SharedCallAdapter(
      MethodVisitor next, int access, String name, String descriptor, MethodSites sites,
      ClassHierarchy hierarchy) {
    super(Opcodes.ASM9, next, access, name, descriptor);
    this.sites = sites;
    this.hierarchy = hierarchy;
  }

  @Override
  protected void onMethodEnter() {
    atomicCalls = true; // at method entry, or right after a constructor's super()/this() call
  }

  /** True for owners whose calls are scheduling points. */
  static boolean isShared(String owner) {
    if (owner.startsWith("java/util/")) {
      String rest = owner.substring("java/util/".length());
      if (rest.startsWith("function/")
          || rest.startsWith("stream/")
          || rest.startsWith("regex/")
          || rest.startsWith("logging/")) {
        return false;
      }
      // Pure value helpers: no shared state behind them.
      return !rest.equals("Objects") && !(rest.startsWith("Optional") && rest.indexOf('/') < 0);
    }
    return owner.equals("java/lang/invoke/VarHandle")
        || owner.equals("sun/misc/Unsafe")
        || owner.equals("jdk/internal/misc/Unsafe");
  }

  private int[] spillArguments(String descriptor) {
    Type[] arguments = Type.getArgumentTypes(descriptor);
    int[] spill = temps.forValues(arguments);
    for (int i = arguments.length - 1; i >= 0; i--) {
      storeLocal(spill[i]);
    }
    return spill;
  }

  /** A copy of the receiver (now on top of the stack) for a hook, or null for a static call. */
  private void pushReceiver(boolean isStatic) {
    mv.visitInsn(isStatic ? Opcodes.ACONST_NULL : Opcodes.DUP);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    boolean instanceCall = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
    boolean hooked = ((instanceCall || opcode == Opcodes.INVOKESTATIC) && isShared(owner))
        || (instanceCall && JdkSynchronizedMethods.mayLock(hierarchy, owner, name + descriptor));
    if (hooked) {
      boolean isStatic = opcode == Opcodes.INVOKESTATIC;
      // An instance call's receiver sits under its arguments: spill them, use it, reload them.
      int[] spill = isStatic ? new int[0] : spillArguments(descriptor);
      pushReceiver(isStatic);
      int site = sites.register(SiteKind.CALL, MethodSites.simpleName(owner) + "." + name);
      CallTargets.record(site, name + descriptor);
      MethodSites.pushInt(mv, site);
      HookCalls.invoke(mv, "beforeCall", "(Ljava/lang/Object;I)V");
      if (atomicCalls) {
        pushReceiver(isStatic);
        HookCalls.invoke(mv, "atomicEnter", "(Ljava/lang/Object;)V");
      }
      for (int local : spill) {
        loadLocal(local);
      }
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    if (hooked && atomicCalls) {
      HookCalls.invoke(mv, "atomicExit", "()V");
    }
  }
}
