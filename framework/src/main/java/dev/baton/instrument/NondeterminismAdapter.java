package dev.baton.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule for values that differ from run to run, which would make a replay diverge: random numbers
 * come from the schedule's seed in managed threads ({@code Math.random()}, {@code new Random()},
 * {@code new SplittableRandom()}, the draws of {@code ThreadLocalRandom}); calls Baton cannot make
 * repeatable ({@code System.identityHashCode}, {@code UUID.randomUUID}, {@code new SecureRandom()},
 * {@code Collections.shuffle(List)}) are recorded, so that a divergence can name them.
 */
final class NondeterminismAdapter extends MethodVisitor {
  private static final String THREAD_LOCAL_RANDOM = "java/util/concurrent/ThreadLocalRandom";

  /** The draws of {@code ThreadLocalRandom} that {@link dev.baton.runtime.Hooks} replaces. */
  private static final java.util.Set<String> THREAD_LOCAL_DRAWS =
      java.util.Set.of(
          "nextInt()I", "nextInt(I)I", "nextInt(II)I", "nextLong()J", "nextLong(J)J",
          "nextLong(JJ)J", "nextDouble()D", "nextDouble(D)D", "nextDouble(DD)D", "nextBoolean()Z",
          "nextFloat()F", "nextGaussian()D");

  private final MethodSites sites;

  NondeterminismAdapter(MethodVisitor next, MethodSites sites) {
    super(Opcodes.ASM9, next);
    this.sites = sites;
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals(THREAD_LOCAL_RANDOM)
        && THREAD_LOCAL_DRAWS.contains(name + descriptor)) {
      // r.nextInt(b) becomes Hooks.threadLocalNextInt(r, b)
      String hook = "threadLocal" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      HookCalls.invoke(mv, hook, "(L" + THREAD_LOCAL_RANDOM + ";" + descriptor.substring(1));
      return;
    }
    String call = owner + "." + name + descriptor;
    switch (call) {
      case "java/lang/Math.random()D", "java/lang/StrictMath.random()D" -> {
        HookCalls.invoke(mv, "random", "()D");
        return;
      }
      case "java/util/Random.<init>()V", "java/util/SplittableRandom.<init>()V" -> {
        if (opcode == Opcodes.INVOKESPECIAL) {
          // new Random() becomes new Random(seed): the seed comes from the schedule.
          HookCalls.invoke(mv, "randomSeed", "()J");
          super.visitMethodInsn(opcode, owner, name, "(J)V", false);
          return;
        }
      }
      case "java/lang/System.identityHashCode(Ljava/lang/Object;)I",
          "java/util/UUID.randomUUID()Ljava/util/UUID;",
          "java/security/SecureRandom.<init>()V",
          "java/util/Collections.shuffle(Ljava/util/List;)V" -> {
        sites.push(mv, SiteKind.UNCONTROLLED, MethodSites.simpleName(owner) + "." + name);
        HookCalls.invoke(mv, "uncontrolled", "(I)V");
      }
      default -> {
        // not a source of nondeterminism
      }
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }
}
