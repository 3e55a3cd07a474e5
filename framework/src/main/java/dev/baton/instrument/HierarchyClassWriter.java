package dev.baton.instrument;

import org.objectweb.asm.ClassWriter;

/**
 * A {@link ClassWriter} whose frame computation asks {@link ClassHierarchy} for common superclasses
 * instead of loading classes (ASM's default), which would be wrong and unsafe inside a class loader.
 */
final class HierarchyClassWriter extends ClassWriter {
  private final ClassHierarchy hierarchy;

  HierarchyClassWriter(int flags, ClassHierarchy hierarchy) {
    super(flags);
    this.hierarchy = hierarchy;
  }

  @Override
  protected String getCommonSuperClass(String type1, String type2) {
    return hierarchy.commonSuperClass(type1, type2);
  }
}
