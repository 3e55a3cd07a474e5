package dev.baton.runtimeclasses;

/** A user-level loader that defines one class from bytes made at run time. */
public final class BytesLoader extends ClassLoader {
  private final String name;
  private final byte[] bytes;

  BytesLoader(ClassLoader parent, String name, byte[] bytes) {
    super(parent);
    this.name = name;
    this.bytes = bytes;
  }

  Class<?> adder() {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Class<?> findClass(String className) throws ClassNotFoundException {
    if (!className.equals(name)) throw new ClassNotFoundException(className);
    return defineClass(className, bytes, 0, bytes.length);
  }
}
