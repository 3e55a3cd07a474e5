package dev.baton.instrument;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Loads user code child-first, rewriting each class with {@link UserCodeTransformer} so that its
 * shared-memory accesses and synchronisation become scheduling points.
 *
 * <p>Class bytes come from the parent's resources, so it works under any launcher (Surefire's
 * manifest-only jar, an IDE, a plain class path). JDK classes, Baton itself and test libraries
 * whose code must stay atomic are delegated to the parent unchanged. The loader owns whole
 * packages, so a class and its nested classes always share it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class InstrumentingClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final InstrumentedCode code;
  private final ClassLoader parent;
  private final Map<String, ProtectionDomain> domains = new ConcurrentHashMap<>();
  /** Classes being defined from their class files now (see RuntimeDefinedClasses), by name. */
  private final Map<String, Definition> definingFromClassPath = new ConcurrentHashMap<>();
  private volatile boolean definedStaticState;
  /**
   * The classes this loader defined whose static initialiser can run again in place (one that
   * had none got one that says it ran), in the order defined: reset once initialised.
   */
  private final List<Class<?>> resettable = new CopyOnWriteArrayList<>();
  /** Each such class's reset method (see StaticReset), or empty when the class has none. */
  private final Map<Class<?>, Optional<Method>> resets = new ConcurrentHashMap<>();
  /**
   * The classes this loader defined whose static initialiser cannot run again in place: once one
   * has started initialising, only a new loader gives the next schedule what a new loader gives.
   */
  private final List<Class<?>> blocking = new CopyOnWriteArrayList<>();
  /**
   * Whether a class was defined into this loader at run time (a new loader defines it again), or
   * one that cannot say whether it was initialised (StaticReset.Kind.UNTRACKED).
   */
  private volatile boolean resetBlocked;
  /** This loader's JDBC drivers as DriverManager knows them (see ScenarioDrivers). */
  private final ScenarioDrivers.OfLoader jdbcDrivers = new ScenarioDrivers.OfLoader();

  /**
   * A loader with its own instrumented code; prefer {@link InstrumentedCode#newLoader()} to share
   * the rewritten class files between loaders.
   *
   * @param parent where class bytes and excluded classes come from
   * @param extraExclusions more package prefixes to leave alone ({@code com.acme.generated.})
   */
  public InstrumentingClassLoader(ClassLoader parent, List<String> extraExclusions) {
    this(new InstrumentedCode(parent, extraExclusions));
  }

  InstrumentingClassLoader(InstrumentedCode code) {
    super("baton", code.parent());
    this.code = code;
    this.parent = code.parent();
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = isExcluded(name) ? null : defineInstrumented(name);
        if (c == null) {
          return parent.loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  /**
   * Whether this loader has defined a class with static state that code could have changed since
   * (a non-final static field, or a final one holding a collection, an atomic, a user object).
   * While false, a schedule run in this loader sees exactly what it would see in a new one.
   */
  public boolean definedStaticState() {
    return definedStaticState;
  }

  /**
   * Puts the static state of the classes this loader defined back as a new loader would define
   * it: every class with a static initialiser or static state gets its static fields back to
   * their defaults and its initialiser run again (see StaticReset), or needs nothing (a table
   * javac made for a switch). Only classes initialised so far are reset: the others are as new
   * as in a new loader. False, with nothing reset, when some class that cannot be reset so has
   * been initialised, when a class was defined into this loader at run time, when its code used
   * {@code DriverManager}, or when the internal property {@code baton.internal.resetStatics} is
   * {@code false}; false also when a reset failed, and then this loader must not run another
   * schedule. Call it only while no thread runs code of this loader.
   *
   * @param initialised whether a class's static initialiser has started (instrumented
   *     initialisers say so to {@code Hooks.classInitialised})
   */
  public boolean resetStaticState(Predicate<Class<?>> initialised) {
    if (resetBlocked || jdbcDrivers.used()
        || !Boolean.parseBoolean(System.getProperty("baton.internal.resetStatics", "true"))) {
      return false;
    }
    if (anyInitialised(blocking, initialised)) return false;
    List<Method> methods = new ArrayList<>(resettable.size());
    for (Class<?> c : resettable) {
      // Never initialised: as new as in a new loader (and left to initialise at its first use).
      // Only initialised classes are reset, so a reset initialises no superclass or interface.
      if (!initialised.test(c)) continue;
      Optional<Method> reset = resets.computeIfAbsent(c, InstrumentingClassLoader::resetMethod);
      if (reset.isEmpty()) return false; // another agent's rewriting made it impure
      methods.add(reset.get());
    }
    try {
      for (Method reset : methods) reset.invoke(null);
      // A reset runs what its initialiser ran before, so it initialises nothing new; if it did,
      // a class that blocks, the next schedule gets a new loader all the same.
      return !anyInitialised(blocking, initialised);
    } catch (InvocationTargetException | IllegalAccessException | LinkageError e) {
      return false; // an initialiser that fails, a class in error: a new loader will say so
    }
  }

  private static boolean anyInitialised(List<Class<?>> classes, Predicate<Class<?>> initialised) {
    for (Class<?> c : classes) {
      if (initialised.test(c)) return true;
    }
    return false;
  }

  /** A class was defined into this loader, or a loader below it, at run time. */
  void definedAtRunTime() {
    resetBlocked = true;
  }

  private static Optional<Method> resetMethod(Class<?> c) {
    try {
      Method reset = c.getDeclaredMethod(StaticReset.METHOD);
      reset.setAccessible(true);
      return Optional.of(reset);
    } catch (NoSuchMethodException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True for classes this loader leaves to its parent, unchanged. */
  public boolean isExcluded(String className) {
    return code.isExcluded(className);
  }

  private Class<?> defineInstrumented(String name) throws ClassNotFoundException {
    InstrumentedCode.ClassFile file = code.classFile(name).orElse(null);
    if (file == null) {
      return null;
    }
    definePackageFor(name);
    if (file.assertions() != null) setClassAssertionStatus(name, file.assertions());
    // With Baton's agent, the original goes through the JVM's transformers (JaCoCo's first) and
    // DefinitionRewriter rewrites what they made; without it, the rewritten bytes are defined.
    boolean chained = DefinitionRewriter.installed();
    byte[] bytes = chained ? file.original() : file.bytes();
    Definition definition = new Definition(file);
    definingFromClassPath.put(name, definition);
    Class<?> defined;
    try {
      defined = defineClass(name, bytes, 0, bytes.length, domainFor(file.codeSource()));
    } finally {
      definingFromClassPath.remove(name);
    }
    if (chained) definition.checkRewritten(name);
    // What was defined: another agent's change of the class may have been planned otherwise.
    UserCodeTransformer.Rewritten rewritten = chained ? definition.rewritten : file.rewritten();
    switch (rewritten.reset()) {
      case RESET -> resettable.add(defined);
      case BLOCKS -> blocking.add(defined);
      case UNTRACKED -> resetBlocked = true; // counts as initialised, and blocking
      default -> { } // nothing to make new
    }
    if (file.staticState()) definedStaticState = true;
    return defined;
  }

  /**
   * Called by {@link DefinitionRewriter} while this loader defines {@code className}: its rewritten
   * class file, made from {@code transformed} (the original as other agents changed it), or null
   * when this loader is not defining that class from its class file now.
   */
  byte[] rewriteDefinition(String className, byte[] transformed) {
    Definition definition = definingFromClassPath.get(className);
    if (definition == null) return null;
    try {
      UserCodeTransformer.Rewritten rewritten =
          code.rewrittenDefinition(className, definition.file, transformed);
      definition.rewritten = rewritten;
      return rewritten.bytes();
    } catch (RuntimeException | LinkageError e) {
      definition.failure = e;
      return null;
    }
  }

  /** One definition from a class file under way, and what the transformer chain did with it. */
  private static final class Definition {
    final InstrumentedCode.ClassFile file;
    /** What the transformer chain defined, once DefinitionRewriter rewrote it. */
    volatile UserCodeTransformer.Rewritten rewritten;
    volatile Throwable failure;

    Definition(InstrumentedCode.ClassFile file) {
      this.file = file;
    }

    void checkRewritten(String className) {
      if (failure != null) {
        throw new InstrumentationException(
            "Baton could not instrument " + className + " as another Java agent changed it: "
                + failure + ". Exclude its package with the configuration key"
                + " baton.instrument.exclude if it need not be controlled, or exclude the class"
                + " from that agent.",
            failure);
      }
      if (rewritten == null) {
        throw new InstrumentationException(
            "Baton's agent did not rewrite " + className + " while its loader defined it, so the"
                + " class runs uncontrolled. Another Java agent may have removed Baton's class"
                + " file transformer; run without it.");
      }
    }
  }

  /**
   * True while this loader defines {@code className} from its class file; any other
   * class it defines was made at run time (through {@code MethodHandles.Lookup.defineClass}).
   */
  boolean isDefiningFromClassPath(String className) {
    return definingFromClassPath.containsKey(className);
  }

  InstrumentedCode code() {
    return code;
  }

  ScenarioDrivers.OfLoader jdbcDrivers() {
    return jdbcDrivers;
  }

  private void definePackageFor(String className) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) return;
    String pkg = className.substring(0, dot);
    if (getDefinedPackage(pkg) == null) {
      try {
        definePackage(pkg, null, null, null, null, null, null, null);
      } catch (IllegalArgumentException raced) {
        // another thread defined it first
      }
    }
  }

  private ProtectionDomain domainFor(String codeSource) {
    return domains.computeIfAbsent(
        codeSource,
        r -> {
          try {
            return new ProtectionDomain(new CodeSource(new URL(r), (Certificate[]) null), null, this, null);
          } catch (MalformedURLException e) {
            return new ProtectionDomain(null, null, this, null);
          }
        });
  }
}
