package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apiguardian.api.API;

/**
 * Attaches Baton's agent to the running JVM, once: no {@code -javaagent} flag needed.
 *
 * <p>It puts Baton's tiny runtime ({@code dev.baton.runtime}) on the bootstrap class path, so that
 * JDK classes can call the hooks, then retransforms {@code LockSupport} and {@code Thread}. This
 * must happen before anything loads {@code dev.baton.runtime} through the application class loader;
 * {@link #install()} checks that and fails with a clear message otherwise.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BatonAgent {
  /** Every class of {@code dev.baton.runtime}; a test checks that the list is complete. */
  static final List<String> RUNTIME_CLASSES =
      List.of("dev/baton/runtime/Hooks", "dev/baton/runtime/HookDelegate",
          "dev/baton/runtime/InitialisedClasses");

  private static Instrumentation instrumentation;
  private static RuntimeException failure;

  private BatonAgent() {}

  /** Attaches the agent if it is not attached yet; throws {@link InstrumentationException} if it cannot. */
  public static synchronized Instrumentation install() {
    if (instrumentation != null) return instrumentation;
    if (failure != null) throw failure;
    try {
      AsmVersions.check();
      Instrumentation inst = attach();
      inst.appendToBootstrapClassLoaderSearch(new JarFile(writeRuntimeJar().toFile()));
      checkRuntimeOnBootstrap();
      // Initialised outside any schedule, so that their static pools are the JVM's own.
      Class.forName("java.util.concurrent.CompletableFuture", true, null);
      Class.forName("java.util.concurrent.ForkJoinPool", true, null);
      // Loaded now so that it is rewritten with the rest (and its rewriting checked).
      Class.forName("java.util.concurrent.ForkJoinWorkerThread", false, null);
      // Reads the JVM's locking mode from its management beans, which load classes: now, and not
      // first from inside a transformer.
      TokenLocking.decide();
      JdkTransformer jdk = new JdkTransformer();
      inst.addTransformer(jdk, true);
      inst.retransformClasses(jdkClassesToRewrite(inst));
      jdk.verify();
      openLocksPackage(inst);
      openJdbcPackage(inst);
      inst.addTransformer(new RuntimeDefinedClasses(), false);
      // Retransformation-capable, so it runs after every other agent's ordinary transformer.
      inst.addTransformer(new DefinitionRewriter(), true);
      DefinitionRewriter.markInstalled();
      instrumentation = inst;
      return inst;
    } catch (InstrumentationException e) {
      failure = e;
      throw e;
    } catch (Exception | LinkageError e) {
      failure =
          new InstrumentationException(
              "Baton could not attach its agent to this JVM (" + Runtime.version() + "): " + e
                  + ". Run the tests on a full JDK (not a JRE without jdk.attach), and do not pass"
                  + " -XX:-EnableDynamicAgentLoading.",
              e);
      throw failure;
    }
  }

  /**
   * {@code LockSupport}, {@code Thread}, {@code java.time.Clock}, and every loaded {@code
   * java.util.concurrent} class, clock class of {@link JdkTargets#CLOCK_CLASSES} and class of the
   * {@code java.util} package whose monitors may be modelled.
   */
  private static Class<?>[] jdkClassesToRewrite(Instrumentation inst) {
    java.util.List<Class<?>> classes =
        new java.util.ArrayList<>(List.of(LockSupport.class, Thread.class, java.time.Clock.class));
    try {
      classes.add(Class.forName("java.lang.VirtualThread")); // JDK 21 and later
    } catch (ClassNotFoundException olderJdk) {
      // no virtual threads
    }
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (c.getName().equals("java.lang.VirtualThread")) continue;
      String internalName = c.getName().replace('.', '/');
      boolean clockOfUsers = JdkTargets.CLOCK_CLASSES.contains(internalName)
          && c != java.time.Clock.class;
      boolean concurrent = c.getName().startsWith("java.util.concurrent.") && c != LockSupport.class;
      // The transformer leaves those without monitor code unchanged.
      boolean monitors = JdkTargets.mayRewriteMonitors(internalName);
      if (c.getClassLoader() == null && (concurrent || clockOfUsers || monitors)
          && !c.isHidden() && inst.isModifiableClass(c)) {
        classes.add(c);
      }
    }
    return classes.toArray(new Class<?>[0]);
  }

  private static Instrumentation attach() {
    try {
      return ByteBuddyAgent.install();
    } catch (IllegalStateException e) {
      throw new InstrumentationException(
          "Baton could not attach its agent: " + e.getMessage()
              + ". Run the tests on a full JDK with the jdk.attach module, and remove"
              + " -XX:+DisableAttachMechanism and -XX:-EnableDynamicAgentLoading from the test JVM's"
              + " options (Surefire's argLine, Gradle's jvmArgs, JAVA_TOOL_OPTIONS).",
          e);
    }
  }

  private static Path writeRuntimeJar() throws IOException {
    Path jar = Files.createTempFile("baton-runtime-", ".jar");
    jar.toFile().deleteOnExit();
    ClassLoader own = BatonAgent.class.getClassLoader();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (String name : RUNTIME_CLASSES) {
        String resource = name + ".class";
        try (InputStream in = own.getResourceAsStream(resource)) {
          if (in == null) {
            throw new InstrumentationException("Baton's jar is incomplete: " + resource + " is missing.");
          }
          out.putNextEntry(new JarEntry(resource));
          in.transferTo(out);
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  private static void checkRuntimeOnBootstrap() throws ClassNotFoundException {
    for (String name : RUNTIME_CLASSES) {
      Class<?> seen = Class.forName(name.replace('/', '.'), false, BatonAgent.class.getClassLoader());
      if (seen.getClassLoader() != null) {
        throw new InstrumentationException(
            name.replace('/', '.') + " was loaded by " + seen.getClassLoader() + " before Baton"
                + " attached its agent, so JDK classes could not reach it. Let Baton start first:"
                + " do not reference dev.baton.runtime from your own code.");
      }
    }
  }

  /**
   * Lets the scheduler read which thread owns a lock ({@code AbstractOwnableSynchronizer}) for
   * reports, call {@code Thread.interrupt} itself past a subclass's override, and read the mutex
   * of a {@code Collections.synchronized*} wrapper.
   */
  private static void openLocksPackage(Instrumentation inst) {
    Module base = Object.class.getModule();
    Module own = BatonAgent.class.getModule();
    inst.redefineModule(
        base,
        Set.of(),
        Map.of(),
        Map.of("java.util.concurrent.locks", Set.of(own), "java.lang", Set.of(own),
            "java.util", Set.of(own)),
        Set.of(),
        Map.of());
  }

  /**
   * Lets {@link ScenarioDrivers} keep JDBC's {@code DriverManager} registry per schedule (see
   * {@link DriverRegistry}); nothing to do on a runtime image without {@code java.sql}.
   */
  private static void openJdbcPackage(Instrumentation inst) {
    ModuleLayer.boot().findModule("java.sql").ifPresent(sql -> inst.redefineModule(
        sql, Set.of(), Map.of(), Map.of("java.sql", Set.of(BatonAgent.class.getModule())),
        Set.of(), Map.of()));
  }
}
