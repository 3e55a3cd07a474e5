package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.NOTIFY;
import static dev.baton.instrument.SiteKind.NOTIFY_ALL;
import static dev.baton.instrument.SiteKind.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Rule 6: wait/notify/notifyAll call sites go through the hooks, which call the real ones. */
class WaitNotifyTest extends InstrumentedTestSupport {

  @Test
  void oneThreadWaitsAnotherNotifiesAndTheRealWaitSetWorks() throws Throwable {
    Object mailbox = construct("Mailbox");
    AtomicReference<Object> taken = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread taker = new Thread(() -> {
      try {
        taken.set(call(mailbox, "take"));
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    taker.start();
    MonitorTest.awaitState(taker, Thread.State.WAITING);

    call(mailbox, "put", "hello");
    taker.join(10_000);

    assertThat(failure.get()).isNull();
    assertThat(taken.get()).isEqualTo("hello");
    assertThat(described())
        .containsExactly(
            "MONITOR_ENTER :" + (SourceLines.of("Mailbox", "put-notify") - 1),
            "WRITE Mailbox.message :" + (SourceLines.of("Mailbox", "put-notify") - 1),
            at(NOTIFY_ALL, "Object", "Mailbox", "put-notify"),
            // a void method returns at its closing brace
            "MONITOR_EXIT :" + (SourceLines.of("Mailbox", "put-notify") + 1));
    assertThat(targets()).containsOnly(mailbox);

    int waitLine = SourceLines.of("Mailbox", "take-wait");
    String waitEvent = at(WAIT, "Object", "Mailbox", "take-wait") + " 0/0";
    assertThat(describe(recorder.eventsOf(taker)))
        .startsWith(
            "MONITOR_ENTER :" + (waitLine - 1), "READ Mailbox.message :" + (waitLine - 1), waitEvent)
        .endsWith(
            "READ Mailbox.message :" + (waitLine - 1),
            "READ Mailbox.message :" + (waitLine + 2),
            "WRITE Mailbox.message :" + (waitLine + 3),
            "MONITOR_EXIT :" + (waitLine + 4));
    assertThat(recorder.eventsOf(taker)).extracting(RecordingDelegate.Event::target).containsOnly(mailbox);
  }

  @Test
  void timedWaitsPassTheirTimeouts() throws Throwable {
    Object mailbox = construct("Mailbox");
    clearEvents();

    call(mailbox, "timedWaits");

    assertThat(described())
        .filteredOn(e -> e.startsWith("WAIT"))
        .containsExactly(
            at(WAIT, "Object", "Mailbox", "wait-millis") + " 1/0",
            at(WAIT, "Object", "Mailbox", "wait-nanos") + " 1/1");
  }

  @Test
  void notifyWithoutTheMonitorStillThrowsFromTheRealCall() throws Throwable {
    Object mailbox = construct("Mailbox");
    clearEvents();
    recorder.modelMonitors = true; // the model "takes" the monitor, so the real one is not held

    assertThatThrownBy(() -> call(mailbox, "nudge")).isInstanceOf(IllegalMonitorStateException.class);
    assertThat(described()).contains(at(NOTIFY, "Object", "Mailbox", "nudge"));
  }

  @Test
  void waitAndNotifyOnAnInterfaceTypedReceiver() throws Throwable {
    callStatic("Mailbox", "onInterface");

    // javac 17 emits invokevirtual Object.notify, javac 25 invokeinterface List.notify (even with
    // --release 17); the detail names the owner the compiler chose
    String owner = javacQualifiesWithInterface() ? "List" : "Object";
    assertThat(described())
        .containsExactly(
            "MONITOR_ENTER :" + (SourceLines.of("Mailbox", "itf-notify") - 1),
            at(NOTIFY, owner, "Mailbox", "itf-notify"),
            at(WAIT, owner, "Mailbox", "itf-wait") + " 1/0",
            "MONITOR_EXIT :" + (SourceLines.of("Mailbox", "itf-wait") + 1));
    assertThat(targets().get(1)).isInstanceOf(ArrayList.class);
    assertThat(targets()).containsOnly(targets().get(0));
  }

  @Test
  void invokeinterfaceAndInvokevirtualFormsAreBothReplaced() throws Throwable {
    Class<?> generated = loader.define(ITF_NOTIFY, interfaceNotify());
    List<String> list = new ArrayList<>();

    for (String method : List.of("viaInterface", "viaObject")) {
      // the real notify runs after the hook: without the monitor it throws
      assertThatThrownBy(() -> callStatic(generated, method, list))
          .isInstanceOf(IllegalMonitorStateException.class);
    }
    assertThat(described()).containsExactly("NOTIFY List :20", "NOTIFY Object :30");
    assertThat(targets()).containsOnly(list);
  }

  private static final String ITF_NOTIFY = TransformingLoader.SAMPLES + "InterfaceNotify";

  /** {@code static void viaInterface(List l) { l.notify(); }} both as invokeinterface and invokevirtual. */
  private static byte[] interfaceNotify() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, ITF_NOTIFY.replace('.', '/'), null, "java/lang/Object", null);
    cw.visitSource("InterfaceNotify.java", null);
    String[][] forms = {
      {"viaInterface", "java/util/List", "20"}, {"viaObject", "java/lang/Object", "30"}
    };
    for (String[] form : forms) {
      MethodVisitor m =
          cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, form[0], "(Ljava/util/List;)V", null, null);
      m.visitCode();
      Label line = new Label();
      m.visitLabel(line);
      m.visitLineNumber(Integer.parseInt(form[2]), line);
      m.visitVarInsn(Opcodes.ALOAD, 0);
      boolean itf = form[1].equals("java/util/List");
      m.visitMethodInsn(
          itf ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL, form[1], "notify", "()V", itf);
      m.visitInsn(Opcodes.RETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** Whether the compiler that built the samples qualified {@code lock.notify()} with {@code List}. */
  private static boolean javacQualifiesWithInterface() {
    boolean[] found = new boolean[1];
    new ClassReader(TransformingLoader.originalBytes(TransformingLoader.SAMPLES + "Mailbox"))
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String desc, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitMethodInsn(
                      int opcode, String owner, String method, String d, boolean isInterface) {
                    if (method.equals("notify") && owner.equals("java/util/List")) found[0] = true;
                  }
                };
              }
            },
            0);
    return found[0];
  }
}
