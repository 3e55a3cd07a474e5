package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes Baton defines get the assertion status their original loader would have given them:
 * its default (how Maven Surefire turns {@code assert} on), package and class settings.
 */
class AssertionStatusTest {
  private static final String SAMPLES = "dev.baton.instrument.assertsamples.";
  private static final String CHECKED = SAMPLES + "Checked";
  private static final String IN_SUB = SAMPLES + "sub.CheckedInSub";

  @Test
  void theOriginalLoadersDefaultStatusHolds() throws Exception {
    OriginalLoader on = new OriginalLoader();
    on.setDefaultAssertionStatus(true);
    assertThat(firesUnderBaton(on, CHECKED)).isTrue();
    assertThat(firesUnderBaton(on, IN_SUB)).isTrue();

    OriginalLoader off = new OriginalLoader();
    off.setDefaultAssertionStatus(false);
    assertThat(firesUnderBaton(off, CHECKED)).isFalse();
    assertThat(firesUnderBaton(off, IN_SUB)).isFalse();
  }

  @Test
  void packageSettingsHoldForThePackageAndItsSubpackages() throws Exception {
    OriginalLoader onlySub = new OriginalLoader();
    onlySub.setDefaultAssertionStatus(false);
    onlySub.setPackageAssertionStatus(SAMPLES + "sub", true);
    assertThat(firesUnderBaton(onlySub, CHECKED)).isFalse();
    assertThat(firesUnderBaton(onlySub, IN_SUB)).isTrue();

    OriginalLoader allButSub = new OriginalLoader();
    allButSub.setPackageAssertionStatus("dev.baton.instrument.assertsamples", true);
    allButSub.setPackageAssertionStatus(SAMPLES + "sub", false);
    assertThat(firesUnderBaton(allButSub, CHECKED)).isTrue();
    assertThat(firesUnderBaton(allButSub, IN_SUB)).isFalse();
  }

  @Test
  void aClassSettingOverridesItsPackageAndTheDefault() throws Exception {
    OriginalLoader loader = new OriginalLoader();
    loader.setDefaultAssertionStatus(true);
    loader.setClassAssertionStatus(CHECKED, false);
    assertThat(firesUnderBaton(loader, CHECKED)).isFalse();
    assertThat(firesUnderBaton(loader, IN_SUB)).isTrue();
  }

  @Test
  void everyNewLoaderOfTheSameCodeKeepsTheStatus() throws Exception {
    OriginalLoader on = new OriginalLoader();
    on.setDefaultAssertionStatus(true);
    InstrumentedCode code = new InstrumentedCode(on, List.of());
    for (int schedule = 0; schedule < 2; schedule++) {
      Class<?> checked = code.newLoader().loadClass(CHECKED);
      assertThat(checked.getClassLoader()).isInstanceOf(InstrumentingClassLoader.class);
      assertThat((boolean) checked.getMethod("assertionsFire").invoke(null)).isTrue();
    }
  }

  private static boolean firesUnderBaton(ClassLoader original, String className) throws Exception {
    Class<?> type = new InstrumentedCode(original, List.of()).newLoader().loadClass(className);
    assertThat(type.getClassLoader()).isInstanceOf(InstrumentingClassLoader.class);
    return (boolean) type.getMethod("assertionsFire").invoke(null);
  }

  /** A user's loader that defines the sample classes itself, so its settings are theirs. */
  private static final class OriginalLoader extends ClassLoader {
    OriginalLoader() {
      super("original", AssertionStatusTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(SAMPLES)) return super.loadClass(name, resolve);
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          byte[] bytes = bytesOf(name);
          c = defineClass(name, bytes, 0, bytes.length);
        }
        return c;
      }
    }

    private byte[] bytesOf(String name) {
      String path = name.replace('.', '/') + ".class";
      try (InputStream in = getParent().getResourceAsStream(path)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
