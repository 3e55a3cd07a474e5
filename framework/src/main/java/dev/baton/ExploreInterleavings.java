package dev.baton;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a method as a concurrency test that Baton runs under its controlled scheduler, once per
 * schedule, until a schedule fails or the budget is spent.
 *
 * <p>The method must be non-private, non-static, return {@code void} and take no parameters. Each
 * schedule runs on a fresh instance of the test class: the constructor and field initialisers,
 * then the {@link BeforeSchedule} methods, the test method, and the {@link AfterSchedule} methods,
 * all on one managed thread. Every thread the scenario starts is managed too.
 *
 * <p>The configuration keys {@code baton.schedules}, {@code baton.strategy}, {@code baton.seed} and
 * {@code baton.replay} (system properties or JUnit configuration parameters; a system property
 * wins) override the attributes below for every test.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
public @interface ExploreInterleavings {

  /** How many schedules to try; must be at least 1. */
  int schedules() default 1000;

  /** How to pick the next thread at each scheduling point. */
  Strategy strategy() default Strategy.RANDOM;

  /** Seed of the exploration; {@code 0} picks one at random and prints it. */
  long seed() default 0;

  /**
   * A replay token printed by an earlier failure. When set, Baton runs exactly that schedule once
   * instead of exploring: the way to keep a race that was found as a regression test. If the code
   * changed so that the recorded choices no longer apply, the rest of the schedule is completed
   * deterministically and the divergence is reported as a note, not a failure.
   */
  String replay() default "";

  /** Bug depth for {@link Strategy#PCT}: the number of priority-change points plus one. */
  int pctDepth() default 3;

  /**
   * Most scheduling points one schedule may take before Baton reports it as not terminating.
   */
  int maxSteps() default 100_000;
}
