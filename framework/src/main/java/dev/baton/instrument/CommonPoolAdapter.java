package dev.baton.instrument;

import static dev.baton.instrument.JdkTargets.FORK_JOIN_POOL;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for {@code java.util.concurrent} (outside static initialisers): reads of the common pool and
 * of {@code CompletableFuture}'s default pool go through a hook that gives a managed thread its
 * schedule's own pool.
 */
final class CommonPoolAdapter extends MethodVisitor {
  CommonPoolAdapter(MethodVisitor next) {
    super(Opcodes.ASM9, next);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
    super.visitFieldInsn(opcode, owner, field, descriptor);
    if (opcode != Opcodes.GETSTATIC) return;
    boolean common = owner.equals(FORK_JOIN_POOL) && field.equals("common");
    boolean async = owner.equals("java/util/concurrent/CompletableFuture")
        && field.equals("ASYNC_POOL");
    if (!common && !async) return;
    // ASYNC_POOL is an Executor on JDK 17 and a ForkJoinPool on later JDKs.
    if (descriptor.equals("L" + FORK_JOIN_POOL + ";")) {
      HookCalls.invoke(mv, "commonPool", "(L" + FORK_JOIN_POOL + ";)L" + FORK_JOIN_POOL + ";");
    } else if (descriptor.equals("Ljava/util/concurrent/Executor;")) {
      HookCalls.invoke(mv, "asyncPool",
          "(Ljava/util/concurrent/Executor;)Ljava/util/concurrent/Executor;");
    }
  }
}
