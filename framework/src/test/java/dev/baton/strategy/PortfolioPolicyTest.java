package dev.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PortfolioPolicy}: an early wake-up (a deadline fired by a pause) is drawn far less often
 * than a uniform choice would make it, yet stays possible; its choices depend on the seed and the
 * schedule's number only; and {@link SelectiveWalkPolicy} keeps a thread whose next step touches
 * nothing shared.
 */
class PortfolioPolicyTest {
  private final ThreadView a = new TestThread(0, new Thread());
  private final ThreadView b = new TestThread(1, new Thread());
  private final ThreadView sleeper = new TestThread(2, new Thread());

  /** Fraction of picks that wake {@link #sleeper} over 60 schedules of 50 choices each. */
  private double wakeUpRate(SchedulePolicy policy) {
    int wakeUps = 0;
    int picks = 0;
    for (int schedule = 0; schedule < 60; schedule++) {
      policy.beginSchedule(schedule);
      for (int step = 1; step <= 50; step++) {
        ThreadView[] options = {a, b, sleeper};
        if (policy.pickThread(options, 2, 1, a, step) == 2) wakeUps++;
        picks++;
      }
      policy.endSchedule(50);
    }
    return (double) wakeUps / picks;
  }

  @Test
  void anEarlyWakeUpIsRareButPossible() {
    double uniform = wakeUpRate(new RandomPolicy(11));
    double portfolio = wakeUpRate(new PortfolioPolicy(11));
    assertThat(uniform).isGreaterThan(0.3); // one option in three
    assertThat(portfolio).isGreaterThan(0).isLessThan(uniform / 2);
  }

  @Test
  void theChoicesOfAScheduleDependOnTheSeedAndItsNumberOnly() {
    assertThat(choices(new PortfolioPolicy(5), 0, 5, 13))
        .isEqualTo(choices(new PortfolioPolicy(5), 0, 13));
    assertThat(choices(new PortfolioPolicy(5), 0, 13))
        .isNotEqualTo(choices(new PortfolioPolicy(6), 0, 13));
  }

  /** The choices of the last of {@code schedules}, after the ones before it (the first: 0). */
  private List<Integer> choices(SchedulePolicy policy, int... schedules) {
    List<Integer> picks = new ArrayList<>();
    for (int schedule : schedules) {
      picks.clear();
      policy.beginSchedule(schedule);
      for (int step = 1; step <= 40; step++) {
        picks.add(policy.pickThread(new ThreadView[] {a, b, sleeper}, 2, 1, a, step));
      }
      policy.endSchedule(40);
    }
    return picks;
  }

  @Test
  void theSelectiveWalkKeepsAThreadWhoseNextStepTouchesNothingShared() {
    SelectiveWalkPolicy walk = new SelectiveWalkPolicy(3, false, new java.util.BitSet());
    walk.beginSchedule(0);
    a.pendingObject = null; // a thread start, say
    a.pendingKey = null;
    for (int step = 1; step <= 50; step++) {
      assertThat(walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, step)).isEqualTo(1);
    }
    a.pendingObject = new Object(); // a field of a shared object: any thread may go first
    a.pendingKey = ThreadView.FIELD_KEY;
    boolean switched = false;
    for (int step = 1; step <= 50 && !switched; step++) {
      switched = walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, step) == 0;
    }
    assertThat(switched).isTrue();
  }

  @Test
  void theSelectiveWalkKeepsCallsOnAnObjectOnlyUntilAnotherThreadTouchesIt() {
    SelectiveWalkPolicy walk = new SelectiveWalkPolicy(3, false, new java.util.BitSet());
    walk.beginSchedule(0);
    Object list = new Object();
    a.pendingObject = list; // a call on a list that only `a` has touched
    a.pendingKey = null;
    b.pendingObject = new Object();
    b.pendingKey = ThreadView.FIELD_KEY;
    for (int step = 1; step <= 50; step++) {
      assertThat(walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, step)).isEqualTo(1);
    }
    b.pendingObject = list; // now `b` is about to call it too
    b.pendingKey = null;
    boolean switched = false;
    for (int step = 1; step <= 50 && !switched; step++) {
      switched = walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, step) == 0;
    }
    assertThat(switched).as("a shared object: any thread may go first").isTrue();
  }

  @Test
  void aCallFromCodeThatTouchedASharedObjectInTheFirstScheduleIsNeverTakenForLocal() {
    java.util.BitSet shared = new java.util.BitSet();
    SelectiveWalkPolicy walk = new SelectiveWalkPolicy(3, false, shared);
    walk.beginSchedule(0);
    Object lock = new Object();
    a.pendingObject = lock; // `second.lock()` at site 7, first by `a`, then by `b`
    a.pendingKey = null;
    a.nextSite = 7;
    b.pendingObject = new Object();
    b.pendingKey = ThreadView.FIELD_KEY;
    walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, 1);
    b.pendingObject = lock;
    b.pendingKey = null;
    b.nextSite = 7;
    walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, 2);
    walk.endSchedule(2);
    assertThat(shared.get(7)).as("site 7 learned as shared in schedule 0").isTrue();

    walk.beginSchedule(1);
    a.pendingObject = new Object(); // a lock of this schedule that only `a` touched so far
    b.pendingObject = new Object();
    b.pendingKey = ThreadView.FIELD_KEY;
    b.nextSite = 8;
    boolean switched = false;
    for (int step = 1; step <= 50 && !switched; step++) {
      switched = walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, step) == 0;
    }
    assertThat(switched).as("the call at site 7 may be preempted").isTrue();

    walk.beginSchedule(2); // and what a later schedule sees is not learned
    Object other = new Object();
    a.pendingObject = other;
    a.nextSite = 9;
    b.pendingObject = other;
    b.pendingKey = null;
    b.nextSite = 9;
    walk.pickThread(new ThreadView[] {b, a}, 2, 0, a, 1);
    assertThat(shared.get(9)).isFalse();
  }

  @Test
  void byCodeTheOneThreadRunningOtherCodeIsChosenAsOftenAsAllTheCopiesTogether() {
    SelectiveWalkPolicy walk = new SelectiveWalkPolicy(5, true, new java.util.BitSet());
    walk.beginSchedule(1);
    ThreadView[] options = new ThreadView[99];
    for (int i = 0; i < 98; i++) {
      options[i] = new TestThread(i + 1, new Thread());
      options[i].nextSite = 11; // 98 copies of one worker at the same step
    }
    ThreadView reader = new TestThread(99, new Thread());
    reader.nextSite = 12;
    options[98] = reader;
    for (ThreadView t : options) t.pendingKey = ThreadView.FIELD_KEY;
    int readerPicked = 0;
    java.util.Set<Integer> copiesPicked = new java.util.HashSet<>();
    for (int step = 1; step <= 1000; step++) {
      int pick = walk.pickThread(options, 99, 0, options[0], step);
      if (pick == 98) readerPicked++;
      else copiesPicked.add(pick);
    }
    assertThat(readerPicked).isBetween(400, 600); // uniform over threads: about 10
    assertThat(copiesPicked).as("every copy still gets its turns").hasSizeGreaterThan(90);
  }

  @Test
  void byCodeThreadsThatHaveNotRunYetCountByTheCodeTheyWereStartedToRun() {
    // The scheduler numbers the kinds (dev.baton.scheduler.ThreadKindsTest): nine copies of one
    // writer are kind 0, the checker kind 1; none has a site yet.
    SelectiveWalkPolicy walk = new SelectiveWalkPolicy(5, true, new java.util.BitSet());
    walk.beginSchedule(1);
    ThreadView[] options = new ThreadView[10];
    for (int i = 0; i < 10; i++) {
      options[i] = new TestThread(i + 1, new Thread());
      options[i].kind = i < 9 ? 0 : 1;
      options[i].pendingKey = ThreadView.LIFE_KEY; // nobody about to take a local step
    }
    int checkerPicked = 0;
    for (int step = 1; step <= 1000; step++) {
      if (walk.pickThread(options, 10, 0, options[0], step) == 9) checkerPicked++;
    }
    assertThat(checkerPicked).isBetween(400, 600);
  }

  @Test
  void aThreadThatGivesWayUnderAPctTurnHandsOverToAnyOtherNotAlwaysTheSame() {
    PortfolioPolicy portfolio = new PortfolioPolicy(9);
    portfolio.beginSchedule(0);
    portfolio.endSchedule(50);
    portfolio.beginSchedule(2); // a PCT d=2 turn: by priorities alone it would always pick one
    boolean[] picked = new boolean[2];
    for (int step = 1; step <= 60; step++) {
      // `a` spins (Thread.yield): it can run, but leaves the choice to b and the sleeper
      picked[portfolio.pickThread(new ThreadView[] {b, sleeper}, 2, 0, a, step)] = true;
    }
    assertThat(picked).containsOnly(true);
  }
}
