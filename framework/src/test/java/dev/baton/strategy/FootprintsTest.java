package dev.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Which steps partial-order reduction may reorder. */
class FootprintsTest {
  private static final int OBJECT = 7;
  private static final int FIELD = 1;
  private static final int OTHER_FIELD = 2;

  private static Footprints steps() {
    return new Footprints(new HashMap<>()); // step 0 is the main thread's start
  }

  @Test
  void twoReadsOfTheSameFieldCommute() {
    Footprints f = steps();
    f.step(1, 0, false, OBJECT, FIELD, 0);
    f.step(2, 1, false, OBJECT, FIELD, 0);
    assertThat(f.dependent(1, 2)).isFalse();
  }

  @Test
  void aWriteConflictsWithAReadOrWriteOfTheSameFieldOnly() {
    Footprints f = steps();
    f.step(1, 0, false, OBJECT, FIELD, 1);
    f.step(2, 1, false, OBJECT, FIELD, 0);
    f.step(2, 2, false, OBJECT, OTHER_FIELD, 1);
    f.step(2, 3, false, OBJECT + 1, FIELD, 1);
    assertThat(f.dependent(1, 2)).isTrue();
    assertThat(f.dependent(1, 3)).as("another field").isFalse();
    assertThat(f.dependent(1, 4)).as("the same field of another object").isFalse();
  }

  @Test
  void aStepWithAnUnknownFootprintConflictsWithEverything() {
    Footprints f = steps();
    f.step(1, 0, true);
    f.step(2, 1, false);
    assertThat(f.dependent(1, 2)).isTrue();
  }

  @Test
  void aStepThatTouchesNothingConflictsWithNothing() {
    Footprints f = steps();
    f.step(1, 0, false);
    f.step(2, 1, false, OBJECT, FIELD, 1);
    assertThat(f.dependent(1, 2)).isFalse();
  }

  @Test
  void aWholeObjectAccessConflictsWithAnySlotOfIt() {
    Footprints f = steps();
    f.step(1, 0, false, OBJECT, 3 << 28, 1); // a call on a self-contained JDK object
    f.step(2, 1, false, OBJECT, FIELD, 0);
    assertThat(f.dependent(1, 2)).isTrue();
  }

  @Test
  void anAcquisitionIsPairedWithTheLatestAcquisitionOfTheSameMonitorByAnotherThread() {
    Footprints f = steps();
    f.acquisitionStep(1, 0, OBJECT); // 1: thread 1 takes the monitor
    f.acquisitionStep(1, 1, OBJECT); // 2: again (reentrant, or after a release)
    f.acquisitionStep(2, 2, OBJECT + 1); // 3: thread 2 takes another monitor
    f.acquisitionStep(2, 3, OBJECT); // 4: thread 2 takes the first one
    f.acquisitionStep(1, 4, OBJECT); // 5: thread 1 takes it back
    int[] previous = f.previousAcquisitions();
    assertThat(previous[2]).as("the same thread's earlier acquisition does not count").isEqualTo(-1);
    assertThat(previous[3]).as("another monitor").isEqualTo(-1);
    assertThat(previous[4]).isEqualTo(2);
    assertThat(previous[5]).isEqualTo(4);
  }

  @Test
  void everyStepOfAThreadTheJdkRunsConflictsWithEverythingAfterItsStart() {
    assertThat(secondStepsDependent(true)).isTrue();
  }

  @Test
  void aThreadOfTheUsersStepsAreJudgedByWhatTheyTouchNotByItsStack() {
    // The threads are never started, so their stacks are empty: what counts is what the scheduler
    // told of them when they registered (an empty stack once made a thread the JDK's, and the
    // search depended on how far an OS thread had got).
    assertThat(secondStepsDependent(false)).isFalse();
  }

  /** Two threads start, then each writes an array of its own. */
  private static boolean secondStepsDependent(boolean firstRunByTheJdk) {
    Footprints f = steps();
    TestThread worker = new TestThread(1, new Thread(() -> { }));
    worker.runByTheJdk = firstRunByTheJdk;
    TestThread user = new TestThread(2, new Thread(() -> { }));
    f.transition(worker, true); // 1: its start
    f.transition(user, true); // 2: its start
    writesAnArrayOfItsOwn(worker);
    f.transition(worker, true); // 3
    writesAnArrayOfItsOwn(user);
    f.transition(user, true); // 4
    return f.dependent(3, 4);
  }

  private static void writesAnArrayOfItsOwn(ThreadView t) {
    t.pendingObject = new int[1];
    t.pendingIndex = 0;
    t.pendingWrite = true;
  }
}
