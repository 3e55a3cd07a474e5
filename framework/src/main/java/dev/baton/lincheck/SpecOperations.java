package dev.baton.lincheck;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of a Lincheck specification class, read from Lincheck's {@code @Operation} and
 * {@code @Param} annotations by name, so that Baton's mode never links against Lincheck's classes
 * (it only needs the annotations to be visible, which they are whenever the spec compiles and
 * Lincheck is on the class path).
 */
final class SpecOperations {
  /** Lincheck 3's annotations, then Lincheck 2's. */
  static final List<String> OPERATION = List.of(
      "org.jetbrains.lincheck.datastructures.Operation",
      "org.jetbrains.kotlinx.lincheck.annotations.Operation");

  static final List<String> PARAM = List.of(
      "org.jetbrains.lincheck.datastructures.Param",
      "org.jetbrains.kotlinx.lincheck.annotations.Param");

  private final Class<?> spec;
  private final List<OperationMethod> operations;

  /**
   * One operation: its method, how to generate each argument, the group of operations that must
   * never run in parallel ("" for none), and whether it may block ({@code @Operation(blocking =
   * true)}): a sequential step of it that would wait for ever makes that order impossible.
   */
  record OperationMethod(Method method, List<ParameterValues> parameters, String nonParallelGroup,
      boolean blocking) {
    String name() {
      return method.getName();
    }
  }

  private SpecOperations(Class<?> spec, List<OperationMethod> operations) {
    this.spec = spec;
    this.operations = operations;
  }

  /**
   * Reads the operations of {@code spec}.
   *
   * @throws IllegalArgumentException naming what is wrong with the spec and how to fix it
   */
  static SpecOperations of(Class<?> spec) {
    List<String> problems = new ArrayList<>();
    if (Modifier.isAbstract(spec.getModifiers()) || spec.isInterface()) {
      problems.add("it is abstract: make it a concrete class");
    }
    if (spec.isMemberClass() && !Modifier.isStatic(spec.getModifiers())) {
      problems.add("it is an inner class: make it static");
    }
    try {
      spec.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      problems.add("it has no constructor without parameters: every run starts from a new instance");
    }
    Map<String, ParameterValues> named = namedParameters(spec, problems);
    List<Method> methods = new ArrayList<>();
    for (Method m : spec.getMethods()) {
      if (operationAnnotation(m) != null) methods.add(m);
    }
    methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
    List<OperationMethod> operations = new ArrayList<>();
    for (Method m : methods) {
      Annotation op = operationAnnotation(m);
      if (Modifier.isStatic(m.getModifiers())) {
        problems.add("operation " + m.getName() + " is static: operations act on the instance");
        continue;
      }
      List<ParameterValues> values = new ArrayList<>();
      for (Parameter p : m.getParameters()) {
        ParameterValues v = parameterValues(p, named, m, problems);
        if (v != null) values.add(v);
      }
      operations.add(new OperationMethod(m, values, (String) attribute(op, "nonParallelGroup", ""),
          Boolean.TRUE.equals(attribute(op, "blocking", false))));
    }
    if (methods.isEmpty()) {
      problems.add("it has no public method annotated with Lincheck's @Operation"
          + " (org.jetbrains.lincheck.datastructures.Operation) that Baton can see; add"
          + " the test dependency org.jetbrains.lincheck:lincheck if it is missing");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          spec.getName() + " cannot be checked: " + String.join("; ", problems) + ".");
    }
    return new SpecOperations(spec, List.copyOf(operations));
  }

  Class<?> spec() {
    return spec;
  }

  List<OperationMethod> operations() {
    return operations;
  }

  static Annotation operationAnnotation(Method m) {
    for (Annotation a : m.getAnnotations()) {
      if (OPERATION.contains(a.annotationType().getName())) return a;
    }
    return null;
  }

  /** Class-level {@code @Param(name = ..., gen = ..., conf = ...)} definitions, by name. */
  private static Map<String, ParameterValues> namedParameters(Class<?> spec, List<String> problems) {
    Map<String, ParameterValues> named = new HashMap<>();
    for (Class<?> c = spec; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Annotation a : c.getAnnotations()) {
        for (Annotation param : params(a)) {
          String name = (String) attribute(param, "name", "");
          if (!name.isEmpty() && !named.containsKey(name)) {
            try {
              named.put(name, ParameterValues.fromGenerator(generatorName(param),
                  (String) attribute(param, "conf", "")));
            } catch (IllegalArgumentException e) {
              problems.add("@Param(name = \"" + name + "\"): " + e.getMessage());
            }
          }
        }
      }
    }
    return named;
  }

  /** A {@code @Param}, or the {@code @Param}s inside a repeated {@code @Param.Params}. */
  private static List<Annotation> params(Annotation a) {
    if (PARAM.contains(a.annotationType().getName())) return List.of(a);
    if (a.annotationType().getDeclaringClass() != null
        && PARAM.contains(a.annotationType().getDeclaringClass().getName())) {
      Object value = attribute(a, "value", new Annotation[0]);
      return value instanceof Annotation[] array ? List.of(array) : List.of();
    }
    return List.of();
  }

  private static ParameterValues parameterValues(
      Parameter p, Map<String, ParameterValues> named, Method m, List<String> problems) {
    ParameterValues declared = null;
    for (Annotation a : p.getAnnotations()) {
      if (!PARAM.contains(a.annotationType().getName())) continue;
      String name = (String) attribute(a, "name", "");
      String gen = generatorName(a);
      if (!name.isEmpty() && gen.isEmpty()) {
        declared = named.get(name);
        if (declared == null) {
          problems.add("operation " + m.getName() + " uses @Param(name = \"" + name
              + "\"), which the class does not define");
          return null;
        }
      } else if (!gen.isEmpty()) {
        try {
          declared = ParameterValues.fromGenerator(gen, (String) attribute(a, "conf", ""));
        } catch (IllegalArgumentException e) {
          problems.add("operation " + m.getName() + ": " + e.getMessage());
          return null;
        }
      }
    }
    try {
      return declared != null ? declared.fitTo(p.getType()) : ParameterValues.defaultFor(p.getType());
    } catch (IllegalArgumentException e) {
      problems.add("operation " + m.getName() + ", parameter " + p.getName() + ": " + e.getMessage());
      return null;
    }
  }

  /** The simple name of a {@code @Param}'s generator class, or "" for the default. */
  private static String generatorName(Annotation param) {
    Object gen = attribute(param, "gen", null);
    if (!(gen instanceof Class<?> c)) return "";
    String name = c.getSimpleName();
    return name.equals("DummyParameterGenerator") || name.equals("ParameterGenerator") ? "" : name;
  }

  private static Object attribute(Annotation a, String name, Object fallback) {
    try {
      Method m = a.annotationType().getMethod(name);
      m.setAccessible(true);
      return m.invoke(a);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return fallback;
    }
  }
}
