package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Answers type questions during a transform (super classes, interface flags, field modifiers) from
 * class file headers read through a class loader's resources.
 *
 * <p>Never loads a class: a transform runs inside {@code loadClass}, and loading another class from
 * there can deadlock or define classes in the wrong loader. Resources work for JDK classes too,
 * because {@code .class} resources of named modules are never encapsulated. Thread-safe; results
 * (including misses) are cached for the life of the instance.
 */
final class ClassHierarchy {
  static final String OBJECT = "java/lang/Object";

  /** What a transform needs to know about one class. */
  record ClassInfo(
      String name, int access, String superName, List<String> interfaces, Map<String, Integer> fields) {

    boolean isInterface() {
      return (access & Opcodes.ACC_INTERFACE) != 0;
    }
  }

  private final ClassLoader resources;
  private final Map<String, Optional<ClassInfo>> cache = new ConcurrentHashMap<>();

  ClassHierarchy(ClassLoader resources) {
    this.resources = resources;
  }

  /** Records the class being transformed from its own bytes: they are the authority for it. */
  void register(byte[] classFile) {
    ClassInfo info = parse(classFile);
    cache.put(info.name(), Optional.of(info));
  }

  /** The header of {@code internalName}, or {@code null} when its class file cannot be found. */
  ClassInfo find(String internalName) {
    if (internalName.startsWith("[")) return null;
    Optional<ClassInfo> cached = cache.get(internalName);
    if (cached == null) {
      cached = Optional.ofNullable(read(internalName));
      Optional<ClassInfo> raced = cache.putIfAbsent(internalName, cached);
      if (raced != null) cached = raced;
    }
    return cached.orElse(null);
  }

  /** True if {@code type} is {@code ancestor} or extends it (superclasses only). */
  boolean isSubclassOf(String type, String ancestor) {
    Set<String> seen = new HashSet<>();
    for (String t = type; t != null && seen.add(t); t = superOf(t)) {
      if (t.equals(ancestor)) return true;
    }
    return false;
  }

  /**
   * The modifiers of the field {@code name:desc} as the JVM resolves it from {@code owner} (the
   * class itself, then its superinterfaces, then its superclass), or {@code -1} when unknown.
   */
  int fieldAccess(String owner, String name, String desc) {
    Integer access = resolveField(owner, name + ':' + desc, new HashSet<>());
    return access == null ? -1 : access;
  }

  private Integer resolveField(String type, String key, Set<String> seen) {
    if (type == null || !seen.add(type)) return null;
    ClassInfo info = find(type);
    if (info == null) return null;
    Integer access = info.fields().get(key);
    if (access != null) return access;
    for (String itf : info.interfaces()) {
      access = resolveField(itf, key, seen);
      if (access != null) return access;
    }
    return resolveField(info.superName(), key, seen);
  }

  /**
   * The nearest common superclass, for frame computation: {@code java/lang/Object} when either is
   * an interface (the verifier treats interface types as {@code Object}) or unknown.
   */
  String commonSuperClass(String type1, String type2) {
    if (type1.equals(type2)) return type1;
    ClassInfo info1 = find(type1);
    ClassInfo info2 = find(type2);
    if (info1 == null || info2 == null || info1.isInterface() || info2.isInterface()) {
      return OBJECT;
    }
    Set<String> ancestors1 = new HashSet<>();
    String t1 = type1;
    while (t1 != null && ancestors1.add(t1)) {
      t1 = superOf(t1);
    }
    Set<String> seen = new HashSet<>();
    for (String t = type2; t != null && seen.add(t); t = superOf(t)) {
      if (ancestors1.contains(t)) return t;
    }
    return OBJECT;
  }

  private String superOf(String type) {
    ClassInfo info = find(type);
    return info == null ? null : info.superName();
  }

  private ClassInfo read(String internalName) {
    try (InputStream in = resources.getResourceAsStream(internalName + ".class")) {
      return in == null ? null : parse(in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      // An unreadable or unparsable class file is treated like a missing one: callers fall back
      // to the safe answer (instrument the field, merge to Object).
      return null;
    }
  }

  private static ClassInfo parse(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    Map<String, Integer> fields = new HashMap<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public FieldVisitor visitField(
              int access, String name, String descriptor, String signature, Object value) {
            fields.put(name + ':' + descriptor, access);
            return null;
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new ClassInfo(
        reader.getClassName(),
        reader.getAccess(),
        reader.getSuperName(),
        List.of(reader.getInterfaces()),
        Map.copyOf(fields));
  }
}
