package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.READ;
import static dev.baton.instrument.SiteKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The rule that reads of effectively immutable fields are no scheduling points ({@link
 * ImmutableFields}), on {@code samples/Immutables.java}: the fields it covers, and each exclusion
 * that keeps reads points.
 */
class ImmutableFieldsTest extends InstrumentedTestSupport {
  private static final String FILE = "Immutables";

  /** Initialises the samples' outer class, whose static field one of them publishes in. */
  @BeforeEach
  void initialiseImmutables() throws ClassNotFoundException {
    sample(FILE);
  }

  @Test
  void readsOfAPrivateFieldSetOnlyByConstructorsAreNoPoints() throws Throwable {
    Object first = construct("Immutables$ConstructorOnly", 4);
    Object second = construct("Immutables$ConstructorOnly");
    clearEvents();

    assertThat(call(first, "read")).isEqualTo(4 + 2);
    assertThat(call(first, "readOther", second)).isEqualTo(7);

    assertThat(described()).isEmpty();
  }

  @Test
  void withTheRuleOffTheSameReadsArePoints() throws Throwable {
    loader = new TransformingLoader(new PointRules(true, true, false));
    sample(FILE);
    Object first = construct("Immutables$ConstructorOnly", 4);
    clearEvents();

    call(first, "read");

    assertThat(described())
        .containsExactly(
            at(READ, "Immutables$ConstructorOnly.value", FILE, "constructor-only"),
            at(READ, "Immutables$ConstructorOnly.label", FILE, "constructor-only"));
  }

  @Test
  void aReadInANestMemberOfAnotherClassStaysAPoint() throws Throwable {
    Object only = construct("Immutables$ConstructorOnly", 4);
    clearEvents();

    callStatic(FILE, "peek", only);

    assertThat(described())
        .containsExactly(at(READ, "Immutables$ConstructorOnly.value", FILE, "peek"));
  }

  @Test
  void aFieldWrittenInAMethodIsReadAndWrittenAtPoints() throws Throwable {
    Object written = construct("Immutables$WrittenInMethod", 1);
    clearEvents();

    call(written, "set", 2);
    call(written, "read");

    assertThat(described())
        .containsExactly(
            at(WRITE, "Immutables$WrittenInMethod.value", FILE, "method-write"),
            at(READ, "Immutables$WrittenInMethod.value", FILE, "method-read"));
  }

  @Test
  void aFieldANestedClassWritesStaysAPoint() throws Throwable {
    Object written = construct("Immutables$WrittenByNested", 1);
    clearEvents();

    call(written, "read");

    assertThat(described())
        .containsExactly(at(READ, "Immutables$WrittenByNested.value", FILE, "nested-read"));
  }

  @Test
  void aFieldWrittenAfterTheConstructorPublishedItsObjectStaysAPoint() throws Throwable {
    assertThat(readIsThePoint("Immutables$WrittenAfterEscape", "value", "escape-read"))
        .isEqualTo(2);
  }

  @Test
  void aFieldAConstructorWritesOnAnotherObjectStaysAPoint() throws Throwable {
    Object first = construct("Immutables$WritesOther", (Object) null);
    construct("Immutables$WritesOther", first);
    clearEvents();

    assertThat(call(first, "read")).isEqualTo(2);

    assertThat(described())
        .containsExactly(at(READ, "Immutables$WritesOther.value", FILE, "other-read"));
  }

  @Test
  void aVolatileFieldStaysAPoint() throws Throwable {
    assertThat(readIsThePoint("Immutables$Volatile", "value", "volatile-read", 1)).isEqualTo(1);
  }

  @Test
  void aFieldWhoseNameIsAStringConstantStaysAPoint() throws Throwable {
    sample("FieldsByName$NamedByString"); // its static initialiser finds the VarHandle, no events
    Object written = construct("FieldsByName$NamedByString", 1);
    call(written, "set", 3);
    clearEvents();

    assertThat(call(written, "read")).isEqualTo(3);

    assertThat(described()).containsExactly(
        at(READ, "FieldsByName$NamedByString.reflected", "FieldsByName", "string-read"));
  }

  @Test
  void aFieldOfAClassThatWritesFieldsByReflectionWithoutANameStaysAPoint() throws Throwable {
    Object written = construct("DeclaredFieldsWriter", 1);
    call(written, "set", 3);
    clearEvents();

    assertThat(call(written, "read")).isEqualTo(3);

    assertThat(described()).containsExactly(
        at(READ, "DeclaredFieldsWriter.value", "DeclaredFieldsWriter", "declared-read"));
  }

  @Test
  void aFieldOfAClassThatHandsItsLookupOutStaysAPoint() throws Throwable {
    assertThat(readIsThePoint("LookupHolder", "value", "lookup-read", 1)).isEqualTo(1);
  }

  @Test
  void aFieldThatIsNotPrivateStaysAPoint() throws Throwable {
    assertThat(readIsThePoint("Immutables$NotPrivate", "shared", "not-private-read", 1))
        .isEqualTo(1);
  }

  @Test
  void anAnnotatedFieldStaysAPoint() throws Throwable {
    assertThat(readIsThePoint("Immutables$Annotated", "marked", "annotated-read", 1))
        .isEqualTo(1);
  }

  @Test
  void aStaticFieldWrittenOnlyByTheStaticInitialiserIsNoPoint() throws Throwable {
    Class<?> type = sample("Immutables$StaticInInitialiser");

    assertThat(callStatic(type, "read")).isEqualTo(5);

    assertThat(described()).isEmpty();
  }

  @Test
  void aStaticFieldWrittenByAMethodStaysAPoint() throws Throwable {
    Class<?> type = sample("Immutables$StaticWrittenLater");

    callStatic(type, "bump");
    assertThat(callStatic(type, "read")).isEqualTo(2);

    String bump = at(READ, "Immutables$StaticWrittenLater.count", FILE, "static-bump");
    assertThat(described())
        .containsExactly(
            bump,
            at(WRITE, "Immutables$StaticWrittenLater.count", FILE, "static-bump"),
            at(READ, "Immutables$StaticWrittenLater.count", FILE, "static-later-read"));
  }

  @Test
  void aNestMemberWhoseClassFileCannotBeReadKeepsEveryReadAPoint() throws Throwable {
    Object readable = generated("Alone", null);
    Object unreadable = generated("WithMissingMate", "NoSuchMate");
    clearEvents();

    call(readable, "read");
    assertThat(described()).isEmpty();

    call(unreadable, "read");
    assertThat(described()).containsExactly("READ WithMissingMate.value :-1");
  }

  /**
   * {@code class <name> { private int value; <name>(int v) { value = v; } int read() { return
   * value; } }}, declaring nest member {@code <name>$<mate>} when {@code mate} is not null.
   */
  private Object generated(String simpleName, String mate) throws ReflectiveOperationException {
    String name = (TransformingLoader.SAMPLES + simpleName).replace('.', '/');
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, ACC_PUBLIC, name, null, "java/lang/Object", null);
    if (mate != null) cw.visitNestMember(name + "$" + mate);
    cw.visitField(ACC_PRIVATE, "value", "I", null, null).visitEnd();
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "(I)V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitVarInsn(ALOAD, 0);
    init.visitVarInsn(ILOAD, 1);
    init.visitFieldInsn(PUTFIELD, name, "value", "I");
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor read = cw.visitMethod(ACC_PUBLIC, "read", "()I", null, null);
    read.visitCode();
    read.visitVarInsn(ALOAD, 0);
    read.visitFieldInsn(GETFIELD, name, "value", "I");
    read.visitInsn(IRETURN);
    read.visitMaxs(0, 0);
    read.visitEnd();
    cw.visitEnd();
    Class<?> type = loader.define(name.replace('/', '.'), cw.toByteArray());
    return type.getConstructor(int.class).newInstance(1);
  }

  /**
   * Constructs {@code sample} (its file is the part before {@code $}) with {@code args}, calls its
   * {@code read()}, and asserts that the read of {@code field} at {@code marker} was its one
   * scheduling point; returns what {@code read()} returned.
   */
  private Object readIsThePoint(String sample, String field, String marker, Object... args)
      throws Throwable {
    Object written = construct(sample, args);
    clearEvents();

    Object read = call(written, "read");

    String file = sample.contains("$") ? sample.substring(0, sample.indexOf('$')) : sample;
    assertThat(described()).containsExactly(at(READ, sample + "." + field, file, marker));
    return read;
  }
}
