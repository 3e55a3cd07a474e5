package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.READ;
import static dev.baton.instrument.SiteKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.IADD;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rule 1: non-final field reads and writes. The tests of constructors keep every access to {@code
 * this} a point, to pin the rule for accesses before the super call on its own; {@link
 * UnpublishedThisTest} covers the rule that skips the accesses no other thread can see yet.
 */
class FieldAccessTest extends InstrumentedTestSupport {

  /** Transforms the samples without the unpublished-this rule. */
  private void keepConstructorPoints() {
    loader = new TransformingLoader(PointRules.none());
  }

  @Test
  void constructorWritesAreReportedWithTheNewObjectAndStaticFieldsWithNull() throws Throwable {
    keepConstructorPoints();
    Object account = construct("Account", "a", 100);

    assertThat(described())
        .containsExactly(
            at(WRITE, "Account.balance", "Account", "ctor-balance"),
            at(READ, "Account.opened", "Account", "ctor-opened"),
            at(WRITE, "Account.opened", "Account", "ctor-opened"));
    assertThat(targets()).containsExactly(account, null, null);
    assertThat(field(account, "balance")).isEqualTo(100);
  }

  @Test
  void readsAndWritesOfAnIntFieldKeepTheirValues() throws Throwable {
    Object account = construct("Account", "a", 100);
    clearEvents();

    assertThat(call(account, "charge", 30)).isEqualTo(true);
    assertThat(call(account, "charge", 1000)).isEqualTo(false);

    assertThat(described())
        .containsExactly(
            at(READ, "Account.balance", "Account", "charge-check"),
            at(READ, "Account.balance", "Account", "charge-write"),
            at(WRITE, "Account.balance", "Account", "charge-write"),
            at(READ, "Account.balance", "Account", "charge-check"));
    assertThat(targets()).containsOnly(account);
    assertThat(field(account, "balance")).isEqualTo(70);
    Site first = recorder.eventsOf(Thread.currentThread()).get(0).site();
    assertThat(first.className()).isEqualTo(TransformingLoader.SAMPLES + "Account");
    assertThat(first.location())
        .isEqualTo("Account.charge(Account.java:" + SourceLines.of("Account", "charge-check") + ")");
    assertThat(first.action()).isEqualTo("read Account.balance");
  }

  @Test
  void longAndDoubleFieldsAreWrittenThroughTheCategoryTwoShuffle() throws Throwable {
    Object account = construct("Account", "a", 0);
    clearEvents();

    assertThat(call(account, "addTotal", 5L)).isEqualTo(5L);
    assertThat(call(account, "addTotal", 7L)).isEqualTo(12L);
    assertThat(call(account, "scaleRate", 2.0)).isEqualTo(0.5);
    assertThat(call(account, "scaleRate", 2.0)).isEqualTo(1.5);

    String readTotal = at(READ, "Account.total", "Account", "add-total");
    String writeTotal = at(WRITE, "Account.total", "Account", "add-total");
    String returnTotal = at(READ, "Account.total", "Account", "return-total");
    String readRate = at(READ, "Account.rate", "Account", "scale-rate");
    String writeRate = at(WRITE, "Account.rate", "Account", "scale-rate");
    String returnRate = "READ Account.rate :" + (SourceLines.of("Account", "scale-rate") + 1);
    assertThat(described())
        .startsWith(readTotal, writeTotal, returnTotal, readTotal, writeTotal, returnTotal)
        .endsWith(readRate, writeRate, returnRate, readRate, writeRate, returnRate)
        .hasSize(12);
    assertThat(targets()).containsOnly(account);
  }

  @Test
  void finalFieldsAreNotScheduledEvenWhenDeclaredInASuperclass() throws Throwable {
    Object account = construct("Account", "a", 0);
    Object savings = construct("SavingsAccount", "sav");
    clearEvents();

    assertThat(call(account, "id")).isEqualTo("a");
    assertThat(callStatic("Account", "registry")).isNotNull();
    assertThat(call(savings, "bonus")).isEqualTo(13);

    // id (final, in Account) read through SavingsAccount leaves no event; balance (not final) does
    assertThat(described())
        .containsExactly(
            at(READ, "SavingsAccount.balance", "SavingsAccount", "bonus"),
            at(WRITE, "SavingsAccount.balance", "SavingsAccount", "bonus"),
            "READ SavingsAccount.balance :" + (SourceLines.of("SavingsAccount", "bonus") + 1));
    assertThat(targets()).containsOnly(savings);
  }

  @Test
  void instanceFieldsBeforeSuperAreSkippedStaticOnesAreNot() throws Throwable {
    keepConstructorPoints();
    Object child = construct("Constructors$Child", 5);

    assertThat(described())
        .containsExactly(
            at(READ, "Constructors.seed", "Constructors", "child-super"),
            at(WRITE, "Constructors.seed", "Constructors", "child-super"),
            at(WRITE, "Constructors$Base.fromBase", "Constructors", "base-write"),
            at(WRITE, "Constructors$Child.own", "Constructors", "child-own"));
    assertThat(targets()).containsExactly(null, null, child, child);
    assertThat(field(child, "fromBase")).isEqualTo(5);
    assertThat(field(child, "own")).isEqualTo(5);
  }

  @Test
  void aDelegatingConstructorIsInstrumentedAfterThisCall() throws Throwable {
    keepConstructorPoints();
    Object child = construct("Constructors$Child");

    assertThat(described())
        .containsExactly(
            at(READ, "Constructors.seed", "Constructors", "child-super"),
            at(WRITE, "Constructors.seed", "Constructors", "child-super"),
            at(WRITE, "Constructors$Base.fromBase", "Constructors", "base-write"),
            at(WRITE, "Constructors$Child.own", "Constructors", "child-own"),
            at(READ, "Constructors$Child.own", "Constructors", "child-after-this"),
            at(WRITE, "Constructors$Child.own", "Constructors", "child-after-this"));
    assertThat(field(child, "own")).isEqualTo(8);
  }

  @Test
  void anInnerClassWritesItsOuterInstanceBeforeSuperWithoutAHook() throws Throwable {
    keepConstructorPoints();
    Object outer = construct("Constructors");
    clearEvents();

    Object inner = call(outer, "inner");

    assertThat(described()).containsExactly(at(WRITE, "Constructors$Inner.value", "Constructors", "inner-value"));
    assertThat(targets()).containsExactly(inner);
    assertThat(field(inner, "value")).isEqualTo(3);
  }

  @Test
  void aFieldWrittenBeforeSuperIsSkippedAndTheClassStillVerifies() throws Throwable {
    keepConstructorPoints();
    Class<?> early = loader.define(EARLY, earlyWrite(Opcodes.V17));
    clearEvents();

    Object instance = early.getConstructor(int.class).newInstance(41);

    assertThat(described()).containsExactly("READ EarlyWrite.x :12", "WRITE EarlyWrite.x :12");
    assertThat(targets()).containsExactly(instance, instance);
    assertThat(early.getField("x").get(instance)).isEqualTo(42);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_25)
  void aJava25ClassFileWithAFieldWrittenBeforeSuperRuns() throws Throwable {
    keepConstructorPoints();
    Class<?> early = loader.define(EARLY, earlyWrite(69));
    clearEvents();

    Object instance = early.getConstructor(int.class).newInstance(1);

    assertThat(described()).containsExactly("READ EarlyWrite.x :12", "WRITE EarlyWrite.x :12");
    assertThat(early.getField("x").get(instance)).isEqualTo(2);
  }

  static final String EARLY = TransformingLoader.SAMPLES + "EarlyWrite";

  /**
   * {@code public class EarlyWrite { public int x; EarlyWrite(int v) { x = v; super(); x = x + 1; } }}
   * with lines 10, 11, 12: legal bytecode, and Java 25 source since flexible constructor bodies.
   */
  static byte[] earlyWrite(int version) {
    String name = EARLY.replace('.', '/');
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    cw.visit(version, ACC_PUBLIC, name, null, "java/lang/Object", null);
    cw.visitSource("EarlyWrite.java", null);
    cw.visitField(ACC_PUBLIC, "x", "I", null, null).visitEnd();
    MethodVisitor m = cw.visitMethod(ACC_PUBLIC, "<init>", "(I)V", null, null);
    m.visitCode();
    line(m, 10);
    m.visitVarInsn(ALOAD, 0);
    m.visitVarInsn(ILOAD, 1);
    m.visitFieldInsn(PUTFIELD, name, "x", "I");
    line(m, 11);
    m.visitVarInsn(ALOAD, 0);
    m.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    line(m, 12);
    m.visitVarInsn(ALOAD, 0);
    m.visitInsn(DUP);
    m.visitFieldInsn(GETFIELD, name, "x", "I");
    m.visitInsn(ICONST_1);
    m.visitInsn(IADD);
    m.visitFieldInsn(PUTFIELD, name, "x", "I");
    m.visitInsn(RETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static void line(MethodVisitor m, int line) {
    Label label = new Label();
    m.visitLabel(label);
    m.visitLineNumber(line, label);
  }
}
