package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The rewritten classes verify: ASM's verifier over every sample (as Java 17 and as Java 25 class
 * files) and over real JDK classes; the JVM verifier by loading and running them; and the transform
 * itself never loads a class.
 */
class VerificationTest extends InstrumentedTestSupport {
  private static final int JAVA_25 = 69;

  static List<String> sampleClasses() throws IOException, URISyntaxException {
    URL account = VerificationTest.class.getClassLoader().getResource("dev/baton/instrument/samples/Account.class");
    Path dir = Path.of(account.toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class"))
          .map(n -> TransformingLoader.SAMPLES + n.substring(0, n.length() - ".class".length()))
          .sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("sampleClasses")
  void everySampleVerifiesWithAsm(String className) {
    byte[] rewritten = transform(className, TransformingLoader.originalBytes(className));
    assertThat(asmVerify(rewritten)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("sampleClasses")
  void everySampleAsAJava25ClassFileVerifiesWithAsmAndKeepsItsVersion(String className) {
    byte[] rewritten = transform(className, withVersion(TransformingLoader.originalBytes(className), JAVA_25));
    assertThat(new ClassReader(rewritten).readUnsignedShort(6)).isEqualTo(JAVA_25);
    assertThat(asmVerify(rewritten)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("sampleClasses")
  void everySampleLoadsThroughTheJvmVerifier(String className) {
    assertThatCode(() -> Class.forName(className, false, loader).getDeclaredMethods())
        .doesNotThrowAnyException();
  }

  @Test
  void theGeneratedFieldWriteBeforeSuperVerifiesWithAsmInBothVersions() {
    for (int version : new int[] {Opcodes.V17, JAVA_25}) {
      byte[] rewritten = transform(FieldAccessTest.EARLY, FieldAccessTest.earlyWrite(version));
      assertThat(asmVerify(rewritten)).as("version " + version).isEmpty();
    }
  }

  /** Big, real classes: synchronized methods, Unsafe and VarHandle calls, loops, nested handlers. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "java.util.concurrent.ConcurrentHashMap",
        "java.util.Hashtable",
        "java.util.concurrent.ThreadPoolExecutor",
        "java.util.concurrent.locks.AbstractQueuedSynchronizer",
        "java.lang.ThreadGroup",
        "java.util.Vector"
      })
  void jdkClassesOfTheRunningJdkVerifyWithAsm(String className) {
    byte[] rewritten = transform(className, TransformingLoader.originalBytes(className));
    assertThat(asmVerify(rewritten)).isEmpty();
  }

  @Test
  void mergedTypesGetTheirRealCommonSuperclass() throws Throwable {
    assertThat(callStatic("Merges", "pick", true)).isEqualTo("s");
    assertThat(callStatic("Merges", "pick", false)).isEqualTo("a");
    assertThat(callStatic("Merges", "list", true)).isEqualTo(1);
    assertThat(callStatic("Merges", "list", false)).isEqualTo(1);
    assertThat(callStatic("Merges", "exceptions", 0)).isEqualTo("IllegalStateException".length());
    assertThat(callStatic("Merges", "exceptions", 1))
        .isEqualTo("UnsupportedOperationException".length());
    assertThat(callStatic("Merges", "exceptions", 2)).isEqualTo(2);
  }

  @Test
  void theTransformReadsResourcesAndNeverLoadsAClass() throws Exception {
    ClassLoader resourcesOnly = new ClassLoader(null) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) {
        throw new AssertionError("the transform loaded " + name);
      }

      @Override
      public URL getResource(String name) {
        return VerificationTest.class.getClassLoader().getResource(name);
      }
    };
    UserCodeTransformer transformer = new UserCodeTransformer(resourcesOnly);
    for (String className : sampleClasses()) {
      byte[] rewritten =
          transformer.transform(className.replace('.', '/'), TransformingLoader.originalBytes(className));
      assertThat(asmVerify(rewritten)).as(className).isEmpty();
    }
  }

  @Test
  void oneTransformerServesManyThreads() throws Exception {
    UserCodeTransformer transformer = new UserCodeTransformer(getClass().getClassLoader());
    List<String> classes = sampleClasses();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int round = 0; round < 8; round++) {
        for (String className : classes) {
          results.add(pool.submit(() -> transformer.transform(
              className.replace('.', '/'), TransformingLoader.originalBytes(className))));
        }
      }
      for (Future<byte[]> result : results) {
        assertThat(asmVerify(result.get())).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void moduleAndPackageInfoAreLeftAlone() {
    UserCodeTransformer transformer = new UserCodeTransformer(getClass().getClassLoader());
    ClassWriter module = new ClassWriter(0);
    module.visit(Opcodes.V17, Opcodes.ACC_MODULE, "module-info", null, null, null);
    module.visitModule("dev.baton.samples", 0, null).visitEnd();
    module.visitEnd();
    byte[] moduleInfo = module.toByteArray();
    ClassWriter pkg = new ClassWriter(0);
    pkg.visit(
        Opcodes.V17,
        Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_SYNTHETIC,
        "dev/baton/instrument/samples/package-info",
        null,
        "java/lang/Object",
        null);
    pkg.visitEnd();
    byte[] packageInfo = pkg.toByteArray();

    assertThat(transformer.transform("module-info", moduleInfo)).isSameAs(moduleInfo);
    assertThat(transformer.transform("dev/baton/instrument/samples/package-info", packageInfo))
        .isSameAs(packageInfo);
  }

  private byte[] transform(String className, byte[] classFile) {
    return new UserCodeTransformer(getClass().getClassLoader())
        .transform(className.replace('.', '/'), classFile);
  }

  /** ASM's data-flow verifier; returns its complaints, empty when the class verifies. */
  private static String asmVerify(byte[] classFile) {
    StringWriter out = new StringWriter();
    CheckClassAdapter.verify(
        new ClassReader(classFile), VerificationTest.class.getClassLoader(), false, new PrintWriter(out));
    return out.toString();
  }

  private static byte[] withVersion(byte[] classFile, int major) {
    byte[] copy = classFile.clone();
    copy[6] = (byte) (major >>> 8);
    copy[7] = (byte) major;
    return copy;
  }
}
