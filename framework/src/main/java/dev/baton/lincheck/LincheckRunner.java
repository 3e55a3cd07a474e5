package dev.baton.lincheck;

import dev.baton.scheduler.Explorer;
import dev.baton.scheduler.ScheduleSupport;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one of Lincheck's own modes on a spec class: checks that Lincheck is there, runs it alone
 * (no Baton exploration at the same time, so Baton's hooks are inert: they forward to nobody), on
 * a thread of its own under a watchdog, and turns what Lincheck reports into a failure whose first
 * line says what failed, followed by Lincheck's tables.
 */
final class LincheckRunner {
  /** The Maven coordinates users add; the version this bridge was built and tested with. */
  static final String DEPENDENCY = "org.jetbrains.lincheck:lincheck:3.7";

  /** A class of Lincheck 3's API: present when Lincheck is on the class path. */
  static final String PROBE = "org.jetbrains.lincheck.datastructures.ModelCheckingOptions";

  private LincheckRunner() {}

  /**
   * Why {@code spec} cannot be checked in {@code mode} because Lincheck is missing from {@code
   * loader}, or empty when it is there.
   */
  static Optional<String> missingLincheck(Class<?> spec, LincheckMode mode, ClassLoader loader) {
    for (String name : new String[] {PROBE, SpecOperations.OPERATION.get(0)}) {
      try {
        Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return Optional.of("Lincheck is not on the test class path, so " + spec.getName()
            + " cannot be checked (" + mode.description() + ")"
            + (mode == LincheckMode.BATON ? ": Baton's mode reads Lincheck's @Operation" : "")
            + ". Add the test dependency " + DEPENDENCY + ":\n"
            + "  <dependency>\n"
            + "    <groupId>org.jetbrains.lincheck</groupId>\n"
            + "    <artifactId>lincheck</artifactId>\n"
            + "    <version>3.7</version>\n"
            + "    <scope>test</scope>\n"
            + "  </dependency>");
      }
    }
    return Optional.empty();
  }

  /**
   * Runs Lincheck's {@code mode} on {@code spec}.
   *
   * @throws LincheckFailure when Lincheck found a bug
   * @throws LincheckTimeout when the check did not finish in time
   * @throws IllegalStateException when Lincheck is missing, with the dependency to add
   */
  static void check(LincheckMode mode, Class<?> spec, LincheckSettings settings)
      throws Exception {
    if (mode == LincheckMode.BATON) {
      throw new IllegalArgumentException("Baton's mode runs through BatonLinearizability");
    }
    Optional<String> missing = missingLincheck(spec, mode, LincheckRunner.class.getClassLoader());
    if (missing.isPresent()) throw new IllegalStateException(missing.get());
    Explorer.exclusively(() -> {
      if (ScheduleSupport.exploring()) {
        throw new IllegalStateException("a Baton exploration is still running; Lincheck cannot"
            + " check " + spec.getName() + " while Baton's hooks are installed");
      }
      runWatched(mode, spec, settings);
      return null;
    });
  }

  private static void runWatched(LincheckMode mode, Class<?> spec, LincheckSettings settings)
      throws Exception {
    FutureTask<Void> task = new FutureTask<>(() -> {
      LincheckChecks.check(mode, spec, settings);
      return null;
    });
    Thread worker = new Thread(task, "baton-lincheck-" + mode.testName());
    worker.setDaemon(true);
    worker.setContextClassLoader(spec.getClassLoader());
    worker.start();
    try {
      task.get(settings.timeoutSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // Not interrupted: Lincheck does not expect it and then took minutes to wind down. The
      // check's thread is a daemon; it still holds Lincheck's lock until its code returns.
      StackTraceElement[] stack = worker.getStackTrace();
      StringBuilder where = new StringBuilder();
      for (int i = 0; i < Math.min(stack.length, 25); i++) {
        where.append("\n      at ").append(stack[i]);
      }
      throw new LincheckTimeout(mode.description() + " of " + spec.getName()
          + " did not finish within " + settings.timeoutSeconds() + " s (baton.lincheck.timeoutSeconds),"
          + " so Baton stopped waiting: no bug was found, the check is incomplete. An operation"
          + " may hang, or the budget (" + settings.describe() + ") is too large for the time."
          + " The check's thread was here:" + where, settings.timeoutSeconds());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String text = String.valueOf(cause.getMessage());
      if (cause instanceof NullPointerException && text.startsWith("Unknown generator name")) {
        // Lincheck takes a parameter's compiled name (javac -parameters) for a @Param name.
        throw new IllegalArgumentException(spec.getName() + ": Lincheck reports \"" + text
            + "\": with parameter names compiled in (javac -parameters, which Maven and Spring"
            + " Boot builds often enable), Lincheck looks up a parameter without @Param as a"
            + " @Param definition of the same name. Annotate it, for example @Param(gen ="
            + " IntGen.class) int value, or define @Param(name = \"value\", gen = ...) on the"
            + " class.", cause);
      }
      if (cause instanceof AssertionError found) throw LincheckFailure.of(mode, spec, settings, found);
      if (cause instanceof Exception ex) throw ex;
      throw (Error) cause;
    }
  }
}
