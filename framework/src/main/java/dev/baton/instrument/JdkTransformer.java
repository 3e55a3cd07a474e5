package dev.baton.instrument;

import static dev.baton.instrument.JdkTargets.CLOCK_CLASSES;
import static dev.baton.instrument.JdkTargets.ENTRY_HOOKED;
import static dev.baton.instrument.JdkTargets.REQUIRED;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Rewrites the JDK classes whose code must reach the scheduler: {@code LockSupport} (so everything
 * in {@code java.util.concurrent} that parks is controlled), {@code Thread} (start and exit of
 * every thread), the clock reads of {@code java.util.concurrent} (so timed waits there measure
 * Baton's virtual time), and those of {@code java.time} and {@code java.util.Date} (so {@code
 * Instant.now()}, {@code LocalDateTime.now()} and {@code new Date()} read it too), the common pool
 * and {@code VirtualThread}'s start and end, and the monitors, waits and notifications of the
 * {@code java.util} package's own classes (collections, {@code Observable}, {@code Timer}: see
 * {@link JdkTargets#mayRewriteMonitors}). Only method bodies change, as retransformation requires;
 * it stays registered so that classes loaded later are rewritten too. The rules are visitors, one
 * each, chained by {@link JdkClassVisitor}.
 *
 * <p>The JVM swallows exceptions thrown by a transformer, so failures are collected and checked by
 * {@link #verify()} after the retransformation.
 */
final class JdkTransformer implements ClassFileTransformer {
  private final Set<String> rewritten = ConcurrentHashMap.newKeySet();
  private final List<Throwable> errors = new ArrayList<>();
  /** Set once {@link #verify()} ran: later failures are printed, as nothing else reads them. */
  private volatile boolean verified;
  /** Frames of classes whose monitors are rewritten are recomputed from the JDK's class files. */
  private final ClassHierarchy hierarchy = new ClassHierarchy(ClassLoader.getSystemClassLoader());

  @Override
  public byte[] transform(
      ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
    if (className == null || loader != null) {
      return null; // only boot classes: java.base
    }
    try {
      JdkClassVisitor.Rules rules = rulesOf(className, bytes);
      if (!rules.any()) return null;
      ClassReader reader = new ClassReader(bytes);
      ClassWriter writer;
      if (rules.monitors()) {
        // The monitor rule adds branches: frames are computed again, never by loading classes.
        writer = new HierarchyClassWriter(ClassWriter.COMPUTE_FRAMES, hierarchy);
      } else {
        // Hooks and the site a replaced call pushes may need more stack: no new branches.
        writer = new ClassWriter(reader,
            rules.entryHooks() || rules.blockingCalls() ? ClassWriter.COMPUTE_MAXS : 0);
      }
      reader.accept(new JdkClassVisitor(writer, rules, rewritten::add),
          rules.monitors() ? ClassReader.SKIP_FRAMES : 0);
      return writer.toByteArray();
    } catch (Throwable t) {
      synchronized (errors) {
        errors.add(new InstrumentationException("could not instrument " + className + ": " + t, t));
      }
      if (verified) {
        // Loaded after start-up, so verify() will not see it: never silently uncontrolled.
        System.out.println("[baton] could not instrument the JDK's " + className.replace('/', '.')
            + " (loaded after Baton started): its code runs outside Baton's control: " + t);
      }
      return null;
    }
  }

  /** Which rules apply to {@code className}; none for most JDK classes. */
  static JdkClassVisitor.Rules rulesOf(String className, byte[] bytes) {
    boolean entryHooks = ENTRY_HOOKED.contains(className);
    boolean clockOfUsers = CLOCK_CLASSES.contains(className);
    boolean poolAndPark = JdkTargets.rewritesPoolAndPark(className);
    boolean mayRewriteMonitors = JdkTargets.mayRewriteMonitors(className);
    JdkMonitorScan scan = mayRewriteMonitors || JdkTargets.mayRewriteBlockingCalls(className)
        ? JdkMonitorScan.of(bytes) : JdkMonitorScan.NONE;
    boolean monitors = mayRewriteMonitors && scan.monitors();
    // java.util.concurrent, and classes whose waits are modelled, read the virtual clock: the
    // deadline of a modelled wait (Timer's) may be computed in another class of the same family.
    boolean clockReads = entryHooks || clockOfUsers || className.startsWith(JdkTargets.CONCURRENT)
        || monitors;
    return new JdkClassVisitor.Rules(entryHooks, monitors, scan.blockingCalls(), poolAndPark,
        clockReads, clockOfUsers ? "clockMillis" : null);
  }

  /** Throws unless every required method was rewritten without error. */
  void verify() {
    synchronized (errors) {
      verified = true;
      if (!errors.isEmpty()) {
        throw new InstrumentationException(
            "Baton could not instrument the JDK on Java " + Runtime.version() + ": "
                + errors.get(0).getMessage(),
            errors.get(0));
      }
    }
    Set<String> missing = new TreeSet<>(REQUIRED);
    missing.removeAll(rewritten);
    if (!missing.isEmpty()) {
      throw new InstrumentationException(
          "Baton does not support this JDK (" + Runtime.version() + "): it could not find "
              + missing + " to instrument. Run the tests on JDK 17 or later from a supported vendor.");
    }
  }
}
