package dev.baton.jcstress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.baton.jcstress.fixtures.SeparateStateFixture;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A JCStress test that cannot run fails with a message naming the fix; it is never skipped
 * silently. No JCStress run is needed to show it.
 */
class JCStressSetupTest {

  private static Throwable onlyFailure(EngineExecutionResults results) {
    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    return results.testEvents().failed().list().get(0)
        .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
  }

  /** Loads the fixtures itself and hides JCStress, as a class path without jcstress-core does. */
  static final class WithoutJCStress extends ClassLoader {
    WithoutJCStress() {
      super("without-jcstress", JCStressSetupTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("org.openjdk.jcstress.")) throw new ClassNotFoundException(name);
        if (!name.startsWith("dev.baton.jcstress.fixtures.")) return super.loadClass(name, resolve);
        Class<?> c = findLoadedClass(name);
        if (c != null) return c;
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }

  @Test
  void withoutJCStressOnTheClassPathTheTestFailsNamingTheDependency() throws Exception {
    Class<?> fixture = new WithoutJCStress().loadClass(SeparateStateFixture.class.getName());
    assertThat(fixture.getAnnotations()).isEmpty(); // what reflection alone would see

    Throwable failure = onlyFailure(
        EngineTestKit.engine("baton").selectors(selectClass(fixture)).execute());

    assertThat(failure).isInstanceOf(JCStressSetupException.class);
    assertThat(failure.getMessage())
        .contains("SeparateStateFixture is annotated @JCStressTest, but JCStress is not on the test"
            + " class path")
        .contains("org.openjdk.jcstress:jcstress-core")
        .contains("<annotationProcessorPaths>")
        .contains("docs/jcstress.md");
  }

  /** A class annotated @JCStressTest that JCStress's annotation processor never saw. */
  static final class UnprocessedClass extends ClassLoader {
    static final String NAME = "dev.baton.jcstress.generated.NeverProcessed";

    UnprocessedClass() {
      super(JCStressSetupTest.class.getClassLoader());
    }

    Class<?> define() {
      ClassWriter w = new ClassWriter(0);
      w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, NAME.replace('.', '/'), null, "java/lang/Object",
          null);
      w.visitAnnotation("Lorg/openjdk/jcstress/annotations/JCStressTest;", true).visitEnd();
      w.visitEnd();
      byte[] bytes = w.toByteArray();
      return defineClass(NAME, bytes, 0, bytes.length);
    }
  }

  @Test
  void aTestWithoutAGeneratedRunnerFailsNamingTheAnnotationProcessorSetup() {
    Class<?> unprocessed = new UnprocessedClass().define();

    Throwable failure = onlyFailure(EngineTestKit.engine("baton").selectors(selectClass(unprocessed))
        .configurationParameter("baton.jcstress.mode", "interleavings").execute());

    assertThat(failure).isInstanceOf(JCStressSetupException.class);
    assertThat(failure.getMessage())
        .contains("NeverProcessed is a @JCStressTest, but JCStress generated no runner for it")
        .contains("<annotationProcessorPaths>")
        .contains("docs/jcstress.md");
  }

  @Test
  void aMalformedKeyFailsTheTestNamingTheKey() {
    Throwable failure = onlyFailure(EngineTestKit.engine("baton")
        .selectors(selectClass(SeparateStateFixture.class))
        .configurationParameters(Map.of("baton.jcstress.mode", "nightly")).execute());
    assertThat(failure.getMessage())
        .contains("baton.jcstress.mode=nightly is not a JCStress mode")
        .contains("-Dbaton.jcstress.mode=thorough");

    failure = onlyFailure(EngineTestKit.engine("baton")
        .selectors(selectClass(SeparateStateFixture.class))
        .configurationParameters(Map.of("baton.jcstress.timeoutSeconds", "soon")).execute());
    assertThat(failure.getMessage()).contains("baton.jcstress.timeoutSeconds=soon is not a time limit");
  }

  @Test
  void aSystemPropertyWinsOverTheConfigurationParameter() {
    String previous = System.setProperty("baton.jcstress.mode", "sometimes");
    try {
      Throwable failure = onlyFailure(EngineTestKit.engine("baton")
          .selectors(selectClass(SeparateStateFixture.class))
          .configurationParameters(Map.of("baton.jcstress.mode", "interleavings")).execute());
      assertThat(failure.getMessage()).contains("baton.jcstress.mode=sometimes");
    } finally {
      if (previous == null) System.clearProperty("baton.jcstress.mode");
      else System.setProperty("baton.jcstress.mode", previous);
    }
  }

  @Test
  void aBatchOverItsTimeLimitIsKilledWithItsWorkersAndItsTestsFail() {
    Throwable failure = onlyFailure(EngineTestKit.engine("baton")
        .selectors(selectClass(SeparateStateFixture.class))
        .configurationParameters(Map.of("baton.jcstress.timeoutSeconds", "2",
            "baton.jcstress.maxSchedules", "0"))
        .execute());
    assertThat(failure.getMessage())
        .contains("The JCStress batch did not finish within 2 s, so every JCStress JVM was killed")
        .contains("raise baton.jcstress.timeoutSeconds")
        .contains("Baton's interleaving analysis: turned off with baton.jcstress.maxSchedules=0");
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
            .map(p -> p.info().commandLine().orElse("?")))
        .noneMatch(command -> command.contains("jcstress"));
  }
}
