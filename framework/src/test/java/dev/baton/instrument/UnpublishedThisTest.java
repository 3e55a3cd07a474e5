package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.READ;
import static dev.baton.instrument.SiteKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

/**
 * The rule that a constructor's accesses to its own object are no scheduling points while that
 * object cannot have escaped to another thread ({@link UnpublishedThis}), on {@code
 * samples/Escapes.java}: what leaks, what does not, and the accesses that stay points after a leak.
 */
class UnpublishedThisTest extends InstrumentedTestSupport {

  /** Initialises the samples' outer class, whose static field they publish in, without events. */
  @BeforeEach
  void initialiseEscapes() throws ClassNotFoundException {
    sample("Escapes");
  }

  @Test
  void aConstructorThatLeaksNothingHasNoPointsOnItsOwnFields() throws Throwable {
    Object plain = construct("Escapes$Plain", 4);

    assertThat(described()).isEmpty();
    assertThat(field(plain, "a")).isEqualTo(4);
    assertThat(field(plain, "b")).isEqualTo(5L);
  }

  @Test
  void superAndThisCallsToConstructorsThatLeakNothingKeepTheObjectUnpublished() throws Throwable {
    Object child = construct("Escapes$PlainChild", 6);

    assertThat(described()).isEmpty();
    assertThat(field(child, "c")).isEqualTo(7);
  }

  @Test
  void publishingInAStaticFieldMakesTheLaterWritesPointsWithTheNewObject() throws Throwable {
    Object publishes = construct("Escapes$Publishes");

    assertThat(described())
        .containsExactly(
            at(WRITE, "Escapes.published", "Escapes", "publishes"),
            at(WRITE, "Escapes$Publishes.after", "Escapes", "publishes-after"));
    assertThat(targets()).containsExactly(null, publishes);
    assertThat(field(publishes, "before")).isEqualTo(1);
  }

  @Test
  void registeringAsAListenerMakesTheLaterWritesPoints() throws Throwable {
    Object registers = construct("Escapes$Registers");

    assertThat(described())
        .endsWith(at(WRITE, "Escapes$Registers.after", "Escapes", "registers-after"));
    assertThat(targets()).endsWith(registers);
  }

  @Test
  void callingAnInstanceMethodOnThisIsAnEscape() throws Throwable {
    Object calls = construct("Escapes$CallsItself");

    assertThat(described())
        .containsExactly(at(WRITE, "Escapes$CallsItself.x", "Escapes", "calls-second"));
    assertThat(targets()).containsExactly(calls);
  }

  @Test
  void aLambdaCapturingThisIsAnEscape() throws Throwable {
    construct("Escapes$Captures");

    assertThat(described())
        .containsExactly(
            at(WRITE, "Escapes$Captures.task", "Escapes", "captures-task"),
            at(WRITE, "Escapes$Captures.x", "Escapes", "captures-after"));
  }

  @Test
  void aSuperConstructorThatLeaksMakesTheSubclassWritesAfterItPoints() throws Throwable {
    Object after = construct("Escapes$AfterLeakyBase");

    assertThat(described())
        .containsExactly(
            at(WRITE, "Escapes.published", "Escapes", "leaky-base"),
            at(WRITE, "Escapes$AfterLeakyBase.x", "Escapes", "after-leaky"));
    assertThat(targets()).containsExactly(null, after);
  }

  @Test
  void anEscapeAtTheEndOfALoopBodyMakesTheLoopsAccessesPoints() throws Throwable {
    Object loop = construct("Escapes$LoopLeak", 3);

    String publish = at(WRITE, "Escapes.published", "Escapes", "loop-publish");
    String read = at(READ, "Escapes$LoopLeak.count", "Escapes", "loop-count");
    String write = at(WRITE, "Escapes$LoopLeak.count", "Escapes", "loop-count");
    // the first round's count++ runs before the object was published, but it is the same
    // instruction as the later rounds', which the back edge reaches after the escape
    assertThat(described())
        .containsExactly(read, write, publish, read, write, publish, read, write, publish);
    assertThat(field(loop, "count")).isEqualTo(3);
  }

  @Test
  void aReferenceThatIsThisOnOnlyOnePathIsAPointAndThisItselfIsNot() throws Throwable {
    construct("Escapes$EitherOne", (Object) null);

    assertThat(described())
        .containsExactly(at(WRITE, "Escapes$EitherOne.x", "Escapes", "either-target"));
  }

  @Test
  void anotherObjectOfTheSameClassIsAPointAndItsOwnFieldsAreNot() throws Throwable {
    Object first = construct("Escapes$WritesOther", (Object) null);
    assertThat(described()).isEmpty();

    Object second = construct("Escapes$WritesOther", first);

    assertThat(described())
        .containsExactly(at(WRITE, "Escapes$WritesOther.x", "Escapes", "writes-other"));
    assertThat(targets()).containsExactly(first);
    assertThat(field(second, "x")).isEqualTo(2);
  }

  @Test
  void aConstructorKeepsItsStaticFieldPointsAndLosesThoseOfItsOwnFields() throws Throwable {
    Object account = construct("Account", "a", 100);

    assertThat(described())
        .containsExactly(
            at(READ, "Account.opened", "Account", "ctor-opened"),
            at(WRITE, "Account.opened", "Account", "ctor-opened"));
    assertThat(field(account, "balance")).isEqualTo(100);
  }

  @Test
  void aFieldWrittenBeforeAndAfterSuperRunsWithoutPointsAndVerifies() throws Throwable {
    Class<?> early =
        loader.define(FieldAccessTest.EARLY, FieldAccessTest.earlyWrite(Opcodes.V17));
    clearEvents();

    Object instance = early.getConstructor(int.class).newInstance(41);

    assertThat(described()).isEmpty();
    assertThat(early.getField("x").get(instance)).isEqualTo(42);
  }
}
