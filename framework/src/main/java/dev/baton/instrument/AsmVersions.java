package dev.baton.instrument;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.Analyzer;

/**
 * Checks that the ASM jars on the class path are at least the version Baton is built and tested
 * with. Baton does not shade ASM, so a build that resolves an older {@code org.ow2.asm} (Maven's
 * nearest-wins, another plugin's pin) would run Baton's rewriting and its escape analysis on it,
 * whose behaviour differs between versions (which frames an exception handler gets, which class
 * file versions it reads): a wrong rewriting must not pass quietly. A jar without a version in its
 * manifest (a shaded or rebuilt ASM) is not judged.
 */
final class AsmVersions {
  /** The version Baton is built and tested with. */
  static final String REQUIRED = "9.9";

  private AsmVersions() {}

  /** Throws {@link InstrumentationException} naming each ASM jar older than {@link #REQUIRED}. */
  static void check() {
    Map<String, Class<?>> artifacts = new LinkedHashMap<>();
    artifacts.put("asm", Opcodes.class);
    artifacts.put("asm-tree", ClassNode.class);
    artifacts.put("asm-commons", AdviceAdapter.class);
    artifacts.put("asm-analysis", Analyzer.class);
    Map<String, String> found = new LinkedHashMap<>();
    Map<String, String> where = new LinkedHashMap<>();
    artifacts.forEach((artifact, type) -> {
      found.put(artifact, type.getPackage().getImplementationVersion());
      CodeSource source = type.getProtectionDomain().getCodeSource();
      where.put(artifact, source == null ? "?" : String.valueOf(source.getLocation()));
    });
    String problem = problem(found, where);
    if (problem != null) throw new InstrumentationException(problem);
  }

  /**
   * What is wrong with the ASM versions {@code found} (artifact to version, null when unknown),
   * loaded from {@code where}, or null when nothing is.
   */
  static String problem(Map<String, String> found, Map<String, String> where) {
    List<String> old = new ArrayList<>();
    found.forEach((artifact, version) -> {
      if (version != null && isOlder(version, REQUIRED)) {
        old.add("org.ow2.asm:" + artifact + " " + version + " (" + where.get(artifact) + ")");
      }
    });
    if (old.isEmpty()) return null;
    return "Baton needs ASM " + REQUIRED + " or later, but the class path has "
        + String.join(", ", old) + ". Pin org.ow2.asm:asm, asm-tree, asm-commons and asm-analysis"
        + " to " + REQUIRED + " or later in the dependencyManagement of your build (Gradle: a"
        + " resolution strategy).";
  }

  /** True when dotted {@code version} is below {@code required} (9.6 below 9.9 below 9.10). */
  static boolean isOlder(String version, String required) {
    String[] a = version.split("[.-]");
    String[] b = required.split("[.-]");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? number(a[i]) : 0;
      int y = i < b.length ? number(b[i]) : 0;
      if (x != y) return x < y;
    }
    return false;
  }

  private static int number(String part) {
    int end = 0;
    while (end < part.length() && Character.isDigit(part.charAt(end))) end++;
    return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
  }
}
