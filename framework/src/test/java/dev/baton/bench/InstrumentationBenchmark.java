package dev.baton.bench;

import dev.baton.instrument.UserCodeTransformer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the rules that leave accesses without a scheduling point cost when classes are loaded: the
 * time to instrument every class of a jar with no rule, with the constructor rule ("this"), with
 * the fresh-object rule too, and with the immutable-field rule too, each configuration measured in
 * turn, round after round in one JVM, and the median round reported (the machines are shared and
 * noisy: compare the ratios). Not a test: run it with {@code ./bench.sh InstrumentationBenchmark
 * [rounds] [jar...]}; without jars it instruments AssertJ, found on the class path.
 */
public final class InstrumentationBenchmark {
  private static final String[] PROPERTIES = {
    "baton.internal.unpublishedThis", "baton.internal.freshObjects", "baton.internal.immutableFields"
  };

  private InstrumentationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    List<File> jars = new ArrayList<>();
    for (int i = 1; i < args.length; i++) jars.add(new File(args[i]));
    if (jars.isEmpty()) jars.add(onClassPath("assertj-core"));
    Map<String, boolean[]> configurations = new LinkedHashMap<>();
    configurations.put("no rule", new boolean[] {false, false, false});
    configurations.put("this", new boolean[] {true, false, false});
    configurations.put("this + fresh", new boolean[] {true, true, false});
    configurations.put("this + fresh + immutable", new boolean[] {true, true, true});
    for (File jar : jars) {
      Map<String, byte[]> classes = classesOf(jar);
      Map<String, long[]> millis = new LinkedHashMap<>();
      configurations.keySet().forEach(name -> millis.put(name, new long[rounds]));
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, boolean[]> c : configurations.entrySet()) {
          millis.get(c.getKey())[round] = instrumentAll(jar, classes, c.getValue());
        }
      }
      System.out.printf("%s: %,d classes, median of %d rounds%n", jar.getName(), classes.size(),
          rounds);
      long base = median(millis.get("no rule"));
      for (Map.Entry<String, long[]> m : millis.entrySet()) {
        long median = median(m.getValue());
        System.out.printf("  %-26s %,6d ms  %.2fx%n", m.getKey(), median, (double) median / base);
      }
    }
  }

  /** Milliseconds to instrument every class, with a transformer made under {@code rules}. */
  private static long instrumentAll(File jar, Map<String, byte[]> classes, boolean[] rules)
      throws MalformedURLException {
    for (int i = 0; i < PROPERTIES.length; i++) {
      System.setProperty(PROPERTIES[i], Boolean.toString(rules[i]));
    }
    try (URLClassLoader resources = new URLClassLoader(new URL[] {jar.toURI().toURL()}, null)) {
      UserCodeTransformer transformer = new UserCodeTransformer(resources);
      long start = System.nanoTime();
      for (Map.Entry<String, byte[]> c : classes.entrySet()) {
        transformer.transform(c.getKey(), c.getValue());
      }
      return (System.nanoTime() - start) / 1_000_000;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (String property : PROPERTIES) System.clearProperty(property);
    }
  }

  private static Map<String, byte[]> classesOf(File jar) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    try (JarFile file = new JarFile(jar)) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (!name.endsWith(".class") || name.startsWith("META-INF/")
            || name.endsWith("module-info.class")) {
          continue;
        }
        try (var in = file.getInputStream(file.getEntry(name))) {
          classes.put(name.substring(0, name.length() - ".class".length()), in.readAllBytes());
        }
      }
    }
    return classes;
  }

  private static File onClassPath(String artifact) {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (new File(entry).getName().startsWith(artifact + "-")) return new File(entry);
    }
    throw new IllegalArgumentException(
        "no " + artifact + " jar on the class path: name the jars to instrument");
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
