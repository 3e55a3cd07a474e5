package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Test-only child-first loader: defines the classes of the samples package from the test class
 * path, rewritten by {@link UserCodeTransformer}; everything else (JUnit, {@code Hooks}) comes from
 * the parent, so tests and samples share one {@code Hooks}.
 */
final class TransformingLoader extends ClassLoader {
  static final String SAMPLES = "dev.baton.instrument.samples.";

  static {
    registerAsParallelCapable();
  }

  private final UserCodeTransformer transformer;

  TransformingLoader() {
    this(PointRules.all());
  }

  /**
   * @param rules the rules that leave accesses without a scheduling point: {@link PointRules#none()}
   *     for tests that pin another rule on the same accesses
   */
  TransformingLoader(PointRules rules) {
    super("samples", TransformingLoader.class.getClassLoader());
    this.transformer = new UserCodeTransformer(getParent(), rules);
  }

  /** The original class file of {@code className} from the test class path. */
  static byte[] originalBytes(String className) {
    String path = className.replace('.', '/') + ".class";
    try (InputStream in = TransformingLoader.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no class file " + path);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(SAMPLES)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = define(name, originalBytes(name));
      }
      if (resolve) resolveClass(c);
      return c;
    }
  }

  /** Transforms and defines a class from the given original bytes (also for generated classes). */
  Class<?> define(String name, byte[] original) {
    byte[] rewritten = transformer.transform(name.replace('.', '/'), original);
    return defineClass(name, rewritten, 0, rewritten.length);
  }
}
