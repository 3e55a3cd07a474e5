package dev.baton;

import dev.baton.config.Defaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
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
 * <p>On a JUnit Jupiter or JUnit 4 test class, it puts every test method of the class (and of its
 * {@code @Nested} classes) under exploration, with the attributes below as their settings: JUnit
 * runs each test inside every schedule, with its whole lifecycle, and never also uncontrolled. On
 * a Jupiter {@code @Test} method, it does the same for that method only.
 *
 * <p>The configuration keys {@code baton.schedules}, {@code baton.strategy}, {@code baton.seed} and
 * {@code baton.replay} (system properties or JUnit configuration parameters; a system property
 * wins) override the attributes below for every test.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Testable
public @interface ExploreInterleavings {

  /** How many schedules to try; must be at least 1. */
  int schedules() default Defaults.SCHEDULES;

  /**
   * How to pick the next thread at each scheduling point; {@link Strategy#PORTFOLIO} by default.
   * (An enum default cannot name a constant: a test checks that this one is {@link
   * Defaults#STRATEGY_NAME}.)
   */
  Strategy strategy() default Strategy.PORTFOLIO;

  /** Seed of the exploration; {@code 0} picks one at random and prints it. */
  long seed() default Defaults.SEED;

  /**
   * A replay token printed by an earlier failure. When set, Baton runs exactly that schedule once
   * instead of exploring: the way to keep a race that was found as a regression test. If the code
   * changed so that the recorded choices no longer apply, the rest of the schedule is completed
   * deterministically and the divergence is reported as a note, not a failure.
   */
  String replay() default Defaults.REPLAY;

  /** Bug depth for {@link Strategy#PCT}: the number of priority-change points plus one. */
  int pctDepth() default Defaults.PCT_DEPTH;

  /**
   * Most scheduling points one schedule may take before Baton reports it as not terminating. A
   * loop that repeats the same steps seeing nothing new, while no other thread can change what it
   * reads, is reported long before this bound; the bound catches what that check cannot prove.
   */
  int maxSteps() default Defaults.MAX_STEPS;

  /**
   * Whether every schedule sees fresh static state: the classes of the test and the code it tests
   * are defined anew for each schedule (from a cache of their instrumented bytes), so a static
   * counter, cache or singleton starts from its initialiser every time, and a replay in a new JVM
   * sees what the failing schedule saw. {@code false} shares the classes across schedules: faster,
   * for code without static state.
   */
  boolean freshStatics() default Defaults.FRESH_STATICS;

  /**
   * How long, in virtual time, Baton may pause the threads that are running so that a pending
   * deadline of another thread fires first (a timed {@code poll}, {@code tryLock}, {@code await},
   * {@code get} or {@code sleep}), the way a garbage-collection pause or an overloaded machine does
   * in production. Only a wait shorter than this, measured from the program's call, can fire
   * early, and the pauses of one schedule add up to at most this much: with the default, an
   * {@code await(1, SECONDS)} or a ten-second {@code awaitTermination} never times out while
   * other threads could still act. {@code 0} never pauses: deadlines then fire only when no
   * thread can run.
   */
  long maxPauseMillis() default Defaults.MAX_PAUSE_MILLIS;

  /**
   * Whether {@code Object.wait}, {@code LockSupport.park} and so {@code Condition.await} may
   * return without being notified, as the JVM specification allows. Off by default: real JVMs
   * rarely do it, and each waiting thread would add a choice to every decision. Turn it on to
   * check that every wait is in a loop that re-checks its condition.
   */
  boolean spuriousWakeups() default Defaults.SPURIOUS_WAKEUPS;

  /**
   * For {@link Strategy#EXHAUSTIVE}: the most preemptions (switches away from a thread that could
   * have gone on) a schedule may have. The search runs every schedule with 0 preemptions, then
   * with 1, and so on up to this bound, and ends, when nothing failed, with a note such as
   * "Explored all 1,204 schedules with ≤ 2 preemptions: no failure". Two is the default: nearly
   * every known concurrency bug needs at most two, and each more multiplies the schedules by about
   * the number of steps. Must be at least 0.
   */
  int maxPreemptions() default Defaults.MAX_PREEMPTIONS;

  /**
   * How a {@link #replay()} token (or {@code -Dbaton.replay}) is followed when the code changed
   * since it was recorded: {@code true} follows the token's choices while they apply and, from the
   * first one that does not, lets the token's strategy choose, for up to {@link #schedules()}
   * schedules, so the replay still looks for the failure near where it was. {@code false} (the
   * default): {@code -Dbaton.replay} fails at the first divergence, and {@link #replay()}
   * completes the schedule one fixed way.
   */
  boolean lenientReplay() default Defaults.LENIENT_REPLAY;

  /**
   * Whether an exploration that its time budget ({@code baton.timeBudgetSeconds}) stopped before
   * it ran {@link #schedules()} schedules fails, instead of passing with the note "explored N of M
   * schedules (time budget)": for CI jobs that must not pass a partial search. {@code
   * -Dbaton.failOnBudget=true} sets it for every test.
   */
  boolean failOnBudget() default Defaults.FAIL_ON_BUDGET;
}
