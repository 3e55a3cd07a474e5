package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The waits and notifications of a rewritten JDK class keep their source lines: the rewrite of
 * its monitors buffers each method, and a site registered behind it would get the method's last
 * line.
 */
class JdkWaitSitesTest {
  private static final String TIMER_THREAD = "java/util/TimerThread";

  @Test
  void waitSitesOfARewrittenJdkClassHaveTheLinesOfTheirCalls() throws IOException {
    List<Integer> lines = hooksKeepTheLinesOfTheCalls(TIMER_THREAD,
        call -> call.owner.equals("java/lang/Object")
            && (call.name.equals("wait") || call.name.startsWith("notify")),
        hook -> hook.name.startsWith("objectWait") || hook.name.startsWith("objectNotify"));
    assertThat(lines).as("TimerThread waits on its queue").isNotEmpty();
  }

  /**
   * {@code TimeUnit.sleep}, {@code timedJoin} and {@code timedWait} call {@code Thread.sleep},
   * {@code Thread.join} and {@code Object.wait} for their caller: each call goes to the hook user
   * code's goes to, with its own line, and none is left to the JVM.
   */
  @Test
  void timeUnitsSleepJoinAndWaitGoToTheHooksWithTheirLines() throws IOException {
    List<Integer> lines = hooksKeepTheLinesOfTheCalls("java/util/concurrent/TimeUnit",
        call -> call.owner.equals("java/lang/Thread")
                && (call.name.equals("sleep") || call.name.equals("join"))
            || call.owner.equals("java/lang/Object") && call.name.equals("wait"),
        hook -> hook.name.equals("sleep") || hook.name.equals("join")
            || hook.name.equals("objectWait"));
    assertThat(lines).as("TimeUnit sleeps, joins and waits").hasSize(3);
  }

  /**
   * Rewrites {@code className} and checks that each call {@code replaced} picks out became a call
   * of Baton's hooks that {@code hook} picks out, at a site with the call's line, in order, and
   * that no such call is left; returns the lines.
   */
  private static List<Integer> hooksKeepTheLinesOfTheCalls(String className,
      Predicate<MethodInsnNode> replaced, Predicate<MethodInsnNode> hook) throws IOException {
    byte[] original = classFile(className);
    byte[] rewritten = new JdkTransformer().transform(null, className, null, null, original);

    List<Integer> expected = new ArrayList<>();
    for (MethodNode m : read(original).methods) {
      int line = -1;
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof LineNumberNode number) line = number.line;
        if (insn instanceof MethodInsnNode call && replaced.test(call)) expected.add(line);
      }
    }
    List<Integer> actual = new ArrayList<>();
    for (MethodNode m : read(rewritten).methods) {
      for (AbstractInsnNode insn : m.instructions) {
        if (!(insn instanceof MethodInsnNode call)) continue;
        assertThat(replaced.test(call)).as("a call left in " + m.name).isFalse();
        if (call.owner.equals(HookCalls.HOOKS) && hook.test(call)) {
          actual.add(Sites.get(siteBefore(call)).line());
        }
      }
    }
    assertThat(actual).isEqualTo(expected);
    return expected;
  }

  /** The site id pushed right before a hook call. */
  private static int siteBefore(MethodInsnNode call) {
    AbstractInsnNode push = call.getPrevious();
    if (push instanceof IntInsnNode value) return value.operand;
    if (push instanceof LdcInsnNode constant) return (Integer) constant.cst;
    return push.getOpcode() - Opcodes.ICONST_0;
  }

  private static ClassNode read(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, 0);
    return node;
  }

  private static byte[] classFile(String internalName) throws IOException {
    try (InputStream in = Object.class.getResourceAsStream("/" + internalName + ".class")) {
      return in.readAllBytes();
    }
  }
}
