package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Which classes defined at run time {@link RuntimeDefinedClasses} rewrites, and which not. */
class RuntimeDefinedClassesTest {
  private static final String NAME = "com/acme/made/Script";
  private final RuntimeDefinedClasses transformer = new RuntimeDefinedClasses();
  private final InstrumentingClassLoader scenario =
      new InstrumentedCode(RuntimeDefinedClassesTest.class.getClassLoader(), List.of()).newLoader();

  @Test
  void aClassOfAChildLoaderOfTheScenarioIsRewritten() {
    ClassLoader child = new ClassLoader(scenario) {};
    assertThat(rewritten(child, NAME)).isTrue();
  }

  @Test
  void aClassDefinedIntoTheScenarioLoaderAtRunTimeIsRewritten() {
    assertThat(rewritten(scenario, NAME)).isTrue();
  }

  @Test
  void classesOfOtherLoadersAndExcludedPackagesAreLeftAlone() {
    assertThat(transformer.transform(null, NAME, null, null, script(NAME))).isNull();
    ClassLoader unrelated = new ClassLoader(ClassLoader.getSystemClassLoader()) {};
    assertThat(rewritten(unrelated, NAME)).isFalse();
    assertThat(rewritten(new ClassLoader(scenario) {}, "org/mockito/codegen/Proxy")).isFalse();
  }

  @Test
  void aRedefinitionIsLeftAlone() {
    byte[] bytes = script(NAME);
    assertThat(transformer.transform(scenario, NAME, Object.class, null, bytes)).isNull();
  }

  private boolean rewritten(ClassLoader loader, String internalName) {
    byte[] result = transformer.transform(loader, internalName, null, null, script(internalName));
    return result != null && new String(result, java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("classInitEnter");
  }

  /** {@code class Script { static int runs; static { runs = runs + 1; } }} */
  private static byte[] script(String internalName) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
    cw.visitField(Opcodes.ACC_STATIC, "runs", "I", null, null).visitEnd();
    MethodVisitor init = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    init.visitCode();
    init.visitFieldInsn(Opcodes.GETSTATIC, internalName, "runs", "I");
    init.visitInsn(Opcodes.ICONST_1);
    init.visitInsn(Opcodes.IADD);
    init.visitFieldInsn(Opcodes.PUTSTATIC, internalName, "runs", "I");
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }
}
