package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
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
    byte[] original = classFile(TIMER_THREAD);
    byte[] rewritten = new JdkTransformer().transform(null, TIMER_THREAD, null, null, original);

    List<Integer> expected = new ArrayList<>();
    for (MethodNode m : read(original).methods) {
      int line = -1;
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof LineNumberNode number) line = number.line;
        if (insn instanceof MethodInsnNode call && call.owner.equals("java/lang/Object")
            && (call.name.equals("wait") || call.name.startsWith("notify"))) {
          expected.add(line);
        }
      }
    }
    List<Integer> actual = new ArrayList<>();
    for (MethodNode m : read(rewritten).methods) {
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof MethodInsnNode call && call.owner.equals(HookCalls.HOOKS)
            && (call.name.startsWith("objectWait") || call.name.startsWith("objectNotify"))) {
          actual.add(Sites.get(siteBefore(call)).line());
        }
      }
    }
    assertThat(expected).as("TimerThread waits on its queue").isNotEmpty();
    assertThat(actual).isEqualTo(expected);
  }

  /**
   * {@code TimeUnit.sleep}, {@code timedJoin} and {@code timedWait} call {@code Thread.sleep},
   * {@code Thread.join} and {@code Object.wait} for their caller: each call goes to the hook user
   * code's goes to, with its own line, and nothing else in the class is a site.
   */
  @Test
  void timeUnitsSleepJoinAndWaitGoToTheHooksWithTheirLines() throws IOException {
    String timeUnit = "java/util/concurrent/TimeUnit";
    byte[] original = classFile(timeUnit);
    byte[] rewritten = new JdkTransformer().transform(null, timeUnit, null, null, original);

    List<String> expected = new ArrayList<>();
    for (MethodNode m : read(original).methods) {
      int line = -1;
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof LineNumberNode number) line = number.line;
        if (insn instanceof MethodInsnNode call
            && (call.owner.equals("java/lang/Thread")
                && (call.name.equals("sleep") || call.name.equals("join"))
                || call.name.equals("wait"))) {
          expected.add(m.name + ":" + call.name + ":" + line);
        }
      }
    }
    List<String> actual = new ArrayList<>();
    for (MethodNode m : read(rewritten).methods) {
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof MethodInsnNode call) {
          assertThat(call.owner + "." + call.name).as(m.name)
              .isNotIn("java/lang/Thread.sleep", "java/lang/Thread.join", "java/lang/Object.wait");
          if (call.owner.equals(HookCalls.HOOKS) && (call.name.equals("sleep")
              || call.name.equals("join") || call.name.equals("objectWait"))) {
            String called = call.name.equals("objectWait") ? "wait" : call.name;
            actual.add(m.name + ":" + called + ":" + Sites.get(siteBefore(call)).line());
          }
        }
      }
    }
    assertThat(expected).as("TimeUnit sleeps, joins and waits").hasSize(3);
    assertThat(actual).isEqualTo(expected);
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
