package dev.baton.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the JDK classes whose code must reach the scheduler: {@code LockSupport} (so everything
 * in {@code java.util.concurrent} that parks is controlled), {@code Thread} (start and exit of
 * every thread), the clock reads of {@code java.util.concurrent} (so timed waits there measure
 * Baton's virtual time), and those of {@code java.time} and {@code java.util.Date} (so {@code
 * Instant.now()}, {@code LocalDateTime.now()} and {@code new Date()} read it too), the common pool
 * and {@code VirtualThread}'s start and end. Only method bodies change, as retransformation
 * requires; it stays registered so that {@code java.util.concurrent} classes loaded later are
 * rewritten too.
 *
 * <p>The JVM swallows exceptions thrown by a transformer, so failures are collected and checked by
 * {@link #verify()} after the retransformation.
 */
final class JdkTransformer implements ClassFileTransformer {
  static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
  static final String THREAD = "java/lang/Thread";
  /** JDK 21+: starts and ends without {@code Thread.start()}'s and {@code Thread.exit()}'s code. */
  static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
  /** Overrides {@code Thread.run()}: where a pool worker's life begins. */
  static final String FORK_JOIN_WORKER = "java/util/concurrent/ForkJoinWorkerThread";
  private static final String HOOKS = "dev/baton/runtime/Hooks";
  private static final String CONCURRENT = "java/util/concurrent/";
  private static final String FORK_JOIN_POOL = "java/util/concurrent/ForkJoinPool";

  /** Where {@code Instant.now()} and every system clock of {@code java.time} read the time. */
  static final String CLOCK = "java/time/Clock";

  /** JDK classes outside {@code java.util.concurrent} whose clock reads user code reaches. */
  static final Set<String> CLOCK_CLASSES =
      Set.of(CLOCK, "java/time/Clock$SystemClock", "java/util/Date");

  /** Methods that must be found and rewritten, as {@code owner.nameDesc}. */
  private static final Set<String> REQUIRED =
      Set.of(
          LOCK_SUPPORT + ".park()V",
          LOCK_SUPPORT + ".park(Ljava/lang/Object;)V",
          LOCK_SUPPORT + ".parkNanos(J)V",
          LOCK_SUPPORT + ".parkNanos(Ljava/lang/Object;J)V",
          LOCK_SUPPORT + ".parkUntil(J)V",
          LOCK_SUPPORT + ".parkUntil(Ljava/lang/Object;J)V",
          LOCK_SUPPORT + ".unpark(Ljava/lang/Thread;)V",
          THREAD + ".start()V",
          THREAD + ".exit()V",
          THREAD + ".run()V",
          FORK_JOIN_WORKER + ".run()V",
          CLOCK + ".currentInstant()Ljava/time/Instant;");

  private final Set<String> rewritten = java.util.Collections.synchronizedSet(new TreeSet<>());
  private final List<Throwable> errors = new ArrayList<>();

  @Override
  public byte[] transform(
      ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
    if (className == null || loader != null) {
      return null; // only boot classes: java.base
    }
    boolean hooked = LOCK_SUPPORT.equals(className) || THREAD.equals(className)
        || CLOCK.equals(className) || VIRTUAL_THREAD.equals(className)
        || FORK_JOIN_WORKER.equals(className);
    boolean clockOfUsers = CLOCK_CLASSES.contains(className);
    if (!hooked && !clockOfUsers && !className.startsWith(CONCURRENT)) {
      return null;
    }
    try {
      ClassReader reader = new ClassReader(bytes);
      ClassWriter writer = new ClassWriter(reader, hooked ? ClassWriter.COMPUTE_MAXS : 0);
      ClassVisitor visitor = new ClockRewriter(writer, clockOfUsers ? "clockMillis" : null);
      // Only java.util.concurrent's own parking goes through LockSupport: VirtualThread parks
      // its carrier with Unsafe, and LockSupport would send a virtual thread back to it.
      if (className.startsWith(CONCURRENT) && !LOCK_SUPPORT.equals(className)) {
        visitor = new PoolAndParkRewriter(visitor);
      }
      reader.accept(hooked ? new Rewriter(visitor, className) : visitor, 0);
      return writer.toByteArray();
    } catch (Throwable t) {
      synchronized (errors) {
        errors.add(t);
      }
      return null;
    }
  }

  /** Throws unless every required method was rewritten without error. */
  void verify() {
    synchronized (errors) {
      if (!errors.isEmpty()) {
        throw new InstrumentationException(
            "Baton could not instrument the JDK's LockSupport/Thread on Java "
                + Runtime.version() + ": " + errors.get(0),
            errors.get(0));
      }
    }
    Set<String> missing = new TreeSet<>(REQUIRED);
    synchronized (rewritten) {
      missing.removeAll(rewritten);
    }
    if (!missing.isEmpty()) {
      throw new InstrumentationException(
          "Baton does not support this JDK (" + Runtime.version() + "): it could not find "
              + missing + " to instrument. Run the tests on JDK 17 or later from a supported vendor.");
    }
  }

  private final class Rewriter extends ClassVisitor {
    private final String owner;

    Rewriter(ClassVisitor next, String owner) {
      super(Opcodes.ASM9, next);
      this.owner = owner;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String desc, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
      String key = owner + "." + name + desc;
      if (owner.equals(LOCK_SUPPORT)) {
        return switch (name + desc) {
          case "park()V" -> parkEntry(mv, key, false, null, "park", "(Ljava/lang/Object;)Z");
          case "park(Ljava/lang/Object;)V" -> parkEntry(mv, key, true, null, "park", "(Ljava/lang/Object;)Z");
          case "parkNanos(J)V" -> parkEntry(mv, key, false, 0, "parkNanos", "(Ljava/lang/Object;J)Z");
          case "parkNanos(Ljava/lang/Object;J)V" -> parkEntry(mv, key, true, 1, "parkNanos", "(Ljava/lang/Object;J)Z");
          case "parkUntil(J)V" -> parkEntry(mv, key, false, 0, "parkUntil", "(Ljava/lang/Object;J)Z");
          case "parkUntil(Ljava/lang/Object;J)V" -> parkEntry(mv, key, true, 1, "parkUntil", "(Ljava/lang/Object;J)Z");
          case "unpark(Ljava/lang/Thread;)V" -> parkEntry(mv, key, true, null, "unpark", "(Ljava/lang/Thread;)Z");
          default -> mv;
        };
      }
      if (name.equals("run") && desc.equals("()V")
          && (owner.equals(THREAD) || owner.equals(FORK_JOIN_WORKER))) {
        rewritten.add(key);
        return new RunEntry(mv);
      }
      if (owner.equals(FORK_JOIN_WORKER)) return mv;
      if (owner.equals(VIRTUAL_THREAD)) {
        if ((name + desc).equals("start(Ljdk/internal/vm/ThreadContainer;)V")) {
          return new StartHooks(mv);
        }
        if ((name + desc).equals("run(Ljava/lang/Runnable;)V")) {
          // The body of a virtual thread: it begins and ends here, not in Thread.run/exit().
          return new RunEntry(mv) {
            // On JDK 21 the body mounts the thread first and unmounts it last: the hooks must
            // run while mounted, where the current thread is the virtual one (on the carrier
            // they find no managed thread and do nothing).
            @Override
            public void visitMethodInsn(
                int opcode, String owner, String method, String descriptor, boolean isInterface) {
              boolean mounting = owner.equals(VIRTUAL_THREAD) && descriptor.equals("()V");
              if (mounting && method.equals("unmount")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadExit", "()V", false);
              }
              super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
              if (mounting && method.equals("mount")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadRuns", "()V", false);
              }
            }

            @Override
            public void visitInsn(int opcode) {
              if (opcode == Opcodes.RETURN || opcode == Opcodes.ATHROW) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadExit", "()V", false);
              }
              super.visitInsn(opcode);
            }
          };
        }
        return mv;
      }
      if (owner.equals(CLOCK)) {
        if (!(name + desc).equals("currentInstant()Ljava/time/Instant;")) return mv;
        rewritten.add(key);
        return new MethodVisitor(Opcodes.ASM9, mv) {
          @Override
          public void visitCode() {
            // Instant i = Hooks.currentInstant(); if (i != null) return i;
            super.visitCode();
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC, HOOKS, "currentInstant", "()Ljava/time/Instant;", false);
            super.visitInsn(Opcodes.DUP);
            Label real = new Label();
            super.visitJumpInsn(Opcodes.IFNULL, real);
            super.visitInsn(Opcodes.ARETURN);
            super.visitLabel(real);
            super.visitFrame(Opcodes.F_SAME1, 0, null, 1, new Object[] {"java/time/Instant"});
            super.visitInsn(Opcodes.POP);
          }
        };
      }
      if (name.equals("start")
          && (desc.equals("()V") || desc.equals("(Ljdk/internal/vm/ThreadContainer;)V"))) {
        rewritten.add(key);
        return new StartHooks(mv);
      }
      if (name.equals("exit") && desc.equals("()V")) {
        rewritten.add(key);
        return new MethodVisitor(Opcodes.ASM9, mv) {
          @Override
          public void visitCode() {
            super.visitCode();
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadExit", "()V", false);
          }
        };
      }
      return mv;
    }

    /**
     * {@code if (Hooks.xxx(arg0[, long])) return;} at method entry. {@code firstArgObject}: the
     * first parameter is the blocker/thread (else null is passed); {@code longSlot}: local slot of
     * the long parameter, or null.
     */
    private MethodVisitor parkEntry(
        MethodVisitor mv, String key, boolean firstArgObject, Integer longSlot, String hook,
        String hookDesc) {
      rewritten.add(key);
      return new MethodVisitor(Opcodes.ASM9, mv) {
        @Override
        public void visitCode() {
          super.visitCode();
          if (firstArgObject) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
          } else {
            super.visitInsn(Opcodes.ACONST_NULL);
          }
          if (longSlot != null) {
            super.visitVarInsn(Opcodes.LLOAD, longSlot);
          }
          super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, hookDesc, false);
          Label proceed = new Label();
          super.visitJumpInsn(Opcodes.IFEQ, proceed);
          super.visitInsn(Opcodes.RETURN);
          super.visitLabel(proceed);
          // Same locals as on entry, empty stack: the original first frame stays valid after it.
          super.visitFrame(Opcodes.F_SAME, 0, null, 0, null);
        }
      };
    }
  }

  /**
   * Replaces {@code System.nanoTime()}/{@code currentTimeMillis()} calls with the virtual clock's;
   * {@code millisHook}, when not null, names the hook that replaces {@code currentTimeMillis()}.
   */
  private static final class ClockRewriter extends ClassVisitor {
    private final String millisHook;

    ClockRewriter(ClassVisitor next, String millisHook) {
      super(Opcodes.ASM9, next);
      this.millisHook = millisHook;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String desc, String signature, String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, signature, exceptions)) {
        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String descriptor, boolean isInterface) {
          if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
              && descriptor.equals("()J")
              && (method.equals("nanoTime") || method.equals("currentTimeMillis"))) {
            String hook =
                method.equals("currentTimeMillis") && millisHook != null ? millisHook : method;
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, "()J", false);
          } else {
            super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
          }
        }
      };
    }
  }

  /**
   * In {@code java.util.concurrent} (outside {@code LockSupport}): reads of the common pool and of
   * {@code CompletableFuture}'s default pool go through a hook that gives a managed thread its
   * schedule's own pool, and {@code Unsafe.park/unpark} (JDK 25's ForkJoinPool parks and wakes its
   * workers with them) go through the hooks like {@code LockSupport}'s.
   */
  private static final class PoolAndParkRewriter extends ClassVisitor {
    PoolAndParkRewriter(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String desc, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, desc, signature, exceptions);
      boolean initialiser = name.equals("<clinit>");
      return new MethodVisitor(Opcodes.ASM9, mv) {
        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
          super.visitFieldInsn(opcode, owner, field, descriptor);
          if (opcode != Opcodes.GETSTATIC || initialiser) return;
          boolean common = owner.equals(FORK_JOIN_POOL) && field.equals("common");
          boolean async = owner.equals("java/util/concurrent/CompletableFuture")
              && field.equals("ASYNC_POOL");
          if (!common && !async) return;
          // ASYNC_POOL is an Executor on JDK 17 and a ForkJoinPool on later JDKs.
          if (descriptor.equals("L" + FORK_JOIN_POOL + ";")) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "commonPool",
                "(L" + FORK_JOIN_POOL + ";)L" + FORK_JOIN_POOL + ";", false);
          } else if (descriptor.equals("Ljava/util/concurrent/Executor;")) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "asyncPool",
                "(Ljava/util/concurrent/Executor;)Ljava/util/concurrent/Executor;", false);
          }
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String descriptor, boolean isInterface) {
          boolean unsafe = opcode == Opcodes.INVOKEVIRTUAL
              && owner.equals("jdk/internal/misc/Unsafe");
          if (unsafe && method.equals("park") && descriptor.equals("(ZJ)V")) {
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC, HOOKS, "unsafePark", "(Ljava/lang/Object;ZJ)V", false);
          } else if (unsafe && method.equals("unpark")
              && descriptor.equals("(Ljava/lang/Object;)V")) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "unsafeUnpark",
                "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
          } else {
            super.visitMethodInsn(opcode, owner, method, descriptor, isInterface);
          }
        }
      };
    }
  }

  /**
   * {@code Hooks.threadRuns()} on entry to a thread's body: a started thread waits there for the
   * baton, before it runs any code, even code without a scheduling point of its own (a JDK method
   * given as a method reference).
   */
  private static class RunEntry extends MethodVisitor {
    RunEntry(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadRuns", "()V", false);
    }
  }

  /** {@code Hooks.threadStarting(this)} on entry, {@code Hooks.threadStarted(this)} on return. */
  private static final class StartHooks extends MethodVisitor {
    StartHooks(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadStarting", "(Ljava/lang/Thread;)V", false);
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.RETURN) {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "threadStarted", "(Ljava/lang/Thread;)V", false);
      }
      super.visitInsn(opcode);
    }
  }
}
