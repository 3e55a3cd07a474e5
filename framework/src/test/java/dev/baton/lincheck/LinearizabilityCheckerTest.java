package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;

/** The Wing & Gong search on hand-written histories, with and without memoised states. */
class LinearizabilityCheckerTest {

  /** A sequential counter; counts its instances, so a test can see how much the search replayed. */
  public static class Counter {
    static int instances;
    int count;

    public Counter() {
      instances++;
    }

    @Operation
    public int increment() {
      return ++count;
    }

    @Operation
    public void add() {
      count++;
    }

    @Operation
    public int get() {
      return count;
    }
  }

  /** The same counter with state equality, so the search can memoise its states. */
  public static class ComparableCounter extends Counter {
    @Override
    public boolean equals(Object o) {
      return o instanceof ComparableCounter c && c.count == count;
    }

    @Override
    public int hashCode() {
      return Objects.hash(count);
    }
  }

  /** A stack whose pop throws on empty: exceptions are results. */
  public static class ThrowingStack {
    private final ArrayDeque<Integer> items = new ArrayDeque<>();

    @Operation
    public void push(int v) {
      items.push(v);
    }

    @Operation
    public int pop() {
      return items.pop(); // NoSuchElementException when empty
    }
  }

  /** Builds a history from events written as "c0" (call of op 0) and "r0" (its return). */
  private static final class Builder {
    private final SpecOperations spec;
    private final History history = new History();
    private final List<History.Operation> ops = new ArrayList<>();
    private final List<OperationResult> results = new ArrayList<>();

    Builder(Class<?> spec) {
      this.spec = SpecOperations.of(spec);
    }

    /** Declares operation {@code ops.size()}: thread, method name, arguments, result. */
    Builder op(int thread, String name, OperationResult result, Object... args) {
      SpecOperations.OperationMethod m = spec.operations().stream()
          .filter(o -> o.name().equals(name)).findFirst().orElseThrow();
      ops.add(new History.Operation(thread, new Actor(m, args), -1));
      results.add(result);
      return this;
    }

    List<History.Operation> events(String... events) {
      List<History.Operation> recorded = new ArrayList<>();
      History.Operation[] byIndex = new History.Operation[ops.size()];
      for (String e : events) {
        int i = Integer.parseInt(e.substring(1));
        if (e.charAt(0) == 'c') {
          byIndex[i] = history.called(ops.get(i).thread, ops.get(i).actor);
          recorded.add(byIndex[i]);
        } else {
          history.returned(byIndex[i], results.get(i));
        }
      }
      return recorded;
    }
  }

  private static OperationResult value(Object v) {
    return OperationResult.of(v, false);
  }

  private static LinearizabilityChecker.Violation check(Class<?> spec, List<History.Operation> h) {
    return LinearizabilityChecker.check(h, new SequentialSpecification(spec, null));
  }

  /** A hand-off over a semaphore without permits: {@code take} waits for a {@code put}. */
  public static class Handoff {
    private final java.util.concurrent.Semaphore items = new java.util.concurrent.Semaphore(0);

    @Operation(blocking = true)
    public void take() throws InterruptedException {
      items.acquire();
    }

    @Operation
    public void put() {
      items.release();
    }
  }

  /** A take called before the put it waited for, returning after it: only put-then-take fits. */
  private static List<History.Operation> takeWaitsForPut() {
    return new Builder(Handoff.class)
        .op(0, "take", OperationResult.VOID)
        .op(1, "put", OperationResult.VOID)
        .events("c0", "c1", "r1", "r0");
  }

  @Test
  void aSequentialStepThatWouldBlockMakesItsOrderImpossibleUnderBaton() {
    List<History.Operation> h = takeWaitsForPut();
    try (SequentialProbe probe = new SequentialProbe("test")) {
      SequentialSpecification spec = new SequentialSpecification(Handoff.class, probe);
      // Under Baton's scheduler, as Baton's mode checks a history: trying take first must not
      // block the check (it was reported as "deadlock: every live thread is blocked").
      dev.baton.scheduler.ExplorationSettings settings =
          dev.baton.scheduler.ExplorationSettings.builder().scenarioId("takeWaitsForPut")
              .strategy(dev.baton.Strategy.RANDOM).schedules(3).seed(1).build();
      dev.baton.scheduler.Explorer.explore(
          settings, () -> assertThat(LinearizabilityChecker.check(h, spec)).isNull());
    }
  }

  @Test
  void aBlockingOperationThatCouldNotHaveReturnedIsAViolation() {
    List<History.Operation> h = new Builder(Handoff.class)
        .op(0, "take", OperationResult.VOID)
        .events("c0", "r0");
    try (SequentialProbe probe = new SequentialProbe("test")) {
      LinearizabilityChecker.Violation v =
          LinearizabilityChecker.check(h, new SequentialSpecification(Handoff.class, probe));

      assertThat(v).isNotNull();
      assertThat(v.next()).singleElement()
          .satisfies(m -> assertThat(m.sequential()).hasToString("(blocks for ever)"));
    }
  }

  @Test
  void overlappingOperationsMayTakeEffectInEitherOrder() {
    // thread-1's increment is called first but returns 2: thread-2's took effect first.
    List<History.Operation> h = new Builder(Counter.class)
        .op(0, "increment", value(2)).op(1, "increment", value(1))
        .events("c0", "c1", "r1", "r0");

    assertThat(check(Counter.class, h)).isNull();
  }

  @Test
  void twoIncrementsReturningOneAreALostUpdate() {
    List<History.Operation> h = new Builder(Counter.class)
        .op(0, "increment", value(1)).op(1, "increment", value(1))
        .events("c0", "c1", "r0", "r1");

    LinearizabilityChecker.Violation v = check(Counter.class, h);

    assertThat(v).isNotNull();
    assertThat(v.longestPrefix()).hasSize(1);
    assertThat(v.next()).singleElement()
        .satisfies(m -> assertThat(m.sequential()).hasToString("2"));
  }

  @Test
  void anOperationThatReturnedBeforeAnotherWasCalledMustComeFirst() {
    Builder counter = new Builder(Counter.class)
        .op(0, "increment", value(1)).op(1, "get", value(0));

    // get() called after increment() returned cannot see 0 ...
    assertThat(check(Counter.class, counter.events("c0", "r0", "c1", "r1"))).isNotNull();
    // ... but it may while they overlap.
    Builder overlapping = new Builder(Counter.class)
        .op(0, "increment", value(1)).op(1, "get", value(0));
    assertThat(check(Counter.class, overlapping.events("c0", "c1", "r0", "r1"))).isNull();
  }

  @Test
  void exceptionsAreResultsComparedByClass() {
    OperationResult empty = OperationResult.thrown(new java.util.NoSuchElementException());
    List<History.Operation> popOnEmpty = new Builder(ThrowingStack.class)
        .op(0, "pop", empty).op(1, "push", OperationResult.VOID, 1)
        .events("c0", "r0", "c1", "r1");
    assertThat(check(ThrowingStack.class, popOnEmpty)).isNull();

    List<History.Operation> popAfterPush = new Builder(ThrowingStack.class)
        .op(1, "push", OperationResult.VOID, 1).op(0, "pop", empty)
        .events("c0", "r0", "c1", "r1");
    assertThat(check(ThrowingStack.class, popAfterPush)).isNotNull();
  }

  @Test
  void statesThatTheSpecSaysAreEqualAreSearchedOnce() {
    // Six overlapping add()s and a get() that no order explains: without state equality every
    // order of the adds is tried; with it, only every set of them.
    String[] calls = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "r0", "r1", "r2", "r3", "r4", "r5", "r6"};
    Counter.instances = 0;
    LinearizabilityChecker.Violation plain = check(Counter.class, history(Counter.class, calls));
    int plainReplays = Counter.instances;
    Counter.instances = 0;
    LinearizabilityChecker.Violation memoised =
        check(ComparableCounter.class, history(ComparableCounter.class, calls));
    int memoisedReplays = Counter.instances;

    assertThat(plain).isNotNull();
    assertThat(memoised).isNotNull();
    System.out.println("replays without state equality " + plainReplays + ", with " + memoisedReplays);
    assertThat(memoisedReplays).isLessThan(plainReplays / 10);
  }

  private static List<History.Operation> history(Class<?> spec, String[] events) {
    Builder b = new Builder(spec);
    for (int i = 0; i < 6; i++) b.op(i, "add", OperationResult.VOID);
    b.op(6, "get", value(99));
    return b.events(events);
  }
}
