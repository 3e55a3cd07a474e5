package dev.baton.instrument;

/**
 * Rewrites one user class so that every scheduling point calls {@link dev.baton.runtime.Hooks}.
 * (Skeleton: the visitors land in the next commit.)
 */
public final class UserCodeTransformer {
  private final ClassLoader resources;

  /** @param resources where the bytes of other classes come from, for frames and type checks */
  public UserCodeTransformer(ClassLoader resources) {
    this.resources = resources;
  }

  /** Returns the instrumented class file of {@code internalName} ({@code com/acme/Account}). */
  public byte[] transform(String internalName, byte[] classFile) {
    return classFile;
  }
}
