package dev.baton.jcstress;

import dev.baton.config.Defaults;
import dev.baton.engine.BatonConfiguration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The JCStress bridge's configuration keys, read by {@link BatonConfiguration}'s rule (system
 * property first, then JUnit configuration parameter):
 *
 * <ul>
 *   <li>{@value #MODE}: {@code fast} (default; a few seconds per test, catches the classic races),
 *       {@code thorough} (JCStress's own default mode, minutes per test: nightly builds) or {@code
 *       interleavings} (no JCStress run, only Baton's interleaving analysis: replaying a token)
 *   <li>{@value #ARGS}: JCStress command-line options used instead of the mode's, for example
 *       {@code -m stress -iters 5}
 *   <li>{@value #TIMEOUT_SECONDS}: wall-clock limit of the whole JCStress batch; when it passes
 *       every JCStress JVM is killed and the batch's tests fail (default: 60 s plus 30 s per test
 *       in fast mode, 15 minutes per test in thorough mode)
 *   <li>{@value #MAX_SCHEDULES}: how many interleavings Baton may enumerate per test (default
 *       20000); {@code 0} turns the interleaving analysis off
 * </ul>
 *
 * @param mode the mode's name
 * @param jcstressArgs the options passed to JCStress's {@code Main}, besides the test filter; null
 *     in {@code interleavings} mode, which runs no JCStress
 * @param timeoutSeconds the wall-clock limit of the batch
 * @param maxSchedules the interleaving analysis's budget per test; 0 for none
 * @param problems malformed values, one sentence each naming the key and the fix
 */
record JCStressOptions(
    String mode, List<String> jcstressArgs, long timeoutSeconds, int maxSchedules,
    List<String> problems) {
  static final String MODE = "baton.jcstress.mode";
  static final String ARGS = "baton.jcstress.args";
  static final String TIMEOUT_SECONDS = "baton.jcstress.timeoutSeconds";
  static final String MAX_SCHEDULES = "baton.jcstress.maxSchedules";

  /** The shortest run measured to still catch a racy increment on two cores. */
  static final List<String> FAST_ARGS =
      List.of("-m", "quick", "-sc", "false", "-jvmArgs", "-XX:+UseSerialGC", "-iters", "1",
          "-time", "100");

  static final int DEFAULT_MAX_SCHEDULES = Defaults.JCSTRESS_MAX_SCHEDULES;

  /** Whether JCStress itself runs (every mode but {@code interleavings}). */
  boolean runsJCStress() {
    return jcstressArgs != null;
  }

  static JCStressOptions read(BatonConfiguration configuration, int tests) {
    List<String> problems = new ArrayList<>();
    String mode = configuration.value(MODE).orElse("fast").toLowerCase(Locale.ROOT);
    List<String> args;
    long timeout;
    switch (mode) {
      case "fast" -> {
        args = FAST_ARGS;
        timeout = 60 + 30L * tests;
      }
      case "thorough" -> {
        args = List.of();
        timeout = 900L * tests;
      }
      case "interleavings" -> {
        args = null;
        timeout = 0;
      }
      default -> {
        problems.add("the " + MODE + "=" + mode + " is not a JCStress mode. Fix: pass fast (the"
            + " default, for unit-test builds), thorough (JCStress's default mode, for nightly"
            + " builds) or interleavings (Baton's analysis only, no JCStress run), for example -D" + MODE + "=thorough.");
        args = FAST_ARGS;
        timeout = 60 + 30L * tests;
      }
    }
    String custom = configuration.value(ARGS).orElse(null);
    if (custom != null && args != null) {
      args = Arrays.stream(custom.trim().split("\\s+")).toList();
      if (args.contains("-t")) {
        problems.add("the " + ARGS + "=" + custom + " selects tests with -t. Fix: select tests the"
            + " JUnit way (-Dtest=..., a class or package selector); Baton passes -t itself.");
      }
    }
    String t = configuration.value(TIMEOUT_SECONDS).orElse(null);
    if (t != null) {
      try {
        timeout = Long.parseLong(t);
        if (timeout < 1) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        problems.add("the " + TIMEOUT_SECONDS + "=" + t + " is not a time limit. Fix: pass a"
            + " whole number of seconds of at least 1, for example -D" + TIMEOUT_SECONDS + "=600.");
      }
    }
    int maxSchedules = DEFAULT_MAX_SCHEDULES;
    String s = configuration.value(MAX_SCHEDULES).orElse(null);
    if (s != null) {
      try {
        maxSchedules = Integer.parseInt(s);
        if (maxSchedules < 0) throw new NumberFormatException();
      } catch (NumberFormatException e) {
        problems.add("the " + MAX_SCHEDULES + "=" + s + " is not a schedule budget. Fix: pass a"
            + " whole number, 0 to skip Baton's interleaving analysis, for example -D"
            + MAX_SCHEDULES + "=50000.");
      }
    }
    return new JCStressOptions(mode, args, timeout, maxSchedules, List.copyOf(problems));
  }
}

