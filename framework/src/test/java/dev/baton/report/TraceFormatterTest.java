package dev.baton.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceFormatterTest {
  private static final Step READ = new Step("main", "read Node.next", "Node.next(Node.java:9)");
  private static final Step WRITE = new Step("main", "write Box.n", "Box.inc(Box.java:4)");
  private static final Step OTHER = new Step("thread-1", "read Box.n", "Box.get(Box.java:7)");

  @Test
  void marksSwitchesAndNumbersSteps() {
    String text = TraceFormatter.format(List.of(READ, OTHER, WRITE));

    assertThat(text.lines().toList())
        .hasSize(3)
        .satisfies(lines -> {
          assertThat(lines.get(0)).startsWith("      1  main").contains("read Node.next");
          assertThat(lines.get(1)).startsWith("->    2  thread-1");
          assertThat(lines.get(2)).startsWith("->    3  main");
        });
  }

  @Test
  void collapsesARepeatedStep() {
    String text = TraceFormatter.format(List.of(OTHER, READ, READ, READ, READ, WRITE));

    assertThat(text.lines().toList()).hasSize(3);
    assertThat(text).contains("read Node.next").contains("(x4)").containsPattern("6  main +write Box.n");
  }

  @Test
  void collapsesARepeatingBlockOfSteps() {
    List<Step> steps = new ArrayList<>();
    steps.add(OTHER);
    for (int i = 0; i < 100; i++) {
      steps.add(READ);
      steps.add(WRITE);
    }
    String text = TraceFormatter.format(steps);

    assertThat(text.lines().toList()).hasSize(4);
    assertThat(text).contains("... steps 4 to 201 repeat these 2 steps 99 more times ...");
  }

  @Test
  void twoOccurrencesOfABlockAreShownInFull() {
    String text = TraceFormatter.format(List.of(READ, WRITE, READ, WRITE));

    assertThat(text.lines().toList()).hasSize(4);
  }

  @Test
  void elidesTheMiddleOfAVeryLongTrace() {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      steps.add(new Step(i % 2 == 0 ? "main" : "thread-1", "write Box.n", "Box.inc(Box.java:" + i + ")"));
    }
    List<String> lines = TraceFormatter.format(steps).lines().toList();

    assertThat(lines).hasSize(TraceFormatter.MAX_LINES + 1);
    assertThat(lines.get(TraceFormatter.HEAD_LINES)).contains("... 600 lines omitted ...");
    assertThat(lines.get(lines.size() - 1)).contains("1000  thread-1").contains("Box.java:999");
  }

  @Test
  void aShortTraceIsNotFolded() {
    assertThat(TraceFormatter.fold(List.of(READ, OTHER, WRITE)))
        .isEqualTo(TraceFormatter.format(List.of(READ, OTHER, WRITE)));
  }

  @Test
  void foldingKeepsTheStartTheSwitchesNearTheEndTheTimeoutsAndTheEnd() {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      steps.add(new Step("main", "write Box.n", "Box.inc(Box.java:" + i + ")"));
      if (i == 20) steps.add(new Step("thread-1", "timed out (the others paused 5 ms)", ""));
      if (i % 10 == 0) steps.add(new Step("thread-1", "read Box.n", "Box.get(Box.java:" + i + ")"));
    }
    String folded = TraceFormatter.fold(steps);
    List<String> lines = folded.lines().toList();

    assertThat(lines.size()).isLessThanOrEqualTo(TraceFormatter.FOLD_LIMIT + 25);
    assertThat(lines.get(0)).contains("Box.java:0)");
    assertThat(folded).contains("timed out (the others paused 5 ms)").contains(" folded ...");
    assertThat(lines.get(lines.size() - 1)).contains("Box.java:299)");
    // the latest switch is kept with the step before it
    assertThat(folded).contains("Box.get(Box.java:290)").contains("Box.inc(Box.java:290)");
    // every step is accounted for: shown, or inside a fold that says which
    assertThat(folded).doesNotContain("steps 0 ");
  }

  /**
   * One thread running long without a switch (a schedule with no preemption): the budget the
   * switches leave shows the steps that led to the failure, not a fold of everything but the tail.
   */
  @Test
  void aLongRunWithoutSwitchesShowsTheStepsBeforeTheFailureUpToTheBudget() {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      steps.add(new Step("consumer", "write Queue.n", "Consumer.run(Consumer.java:" + i + ")"));
    }

    List<String> lines = TraceFormatter.fold(steps).lines().toList();

    assertThat(lines).hasSize(TraceFormatter.FOLD_LIMIT + 1); // and one line says what is folded
    assertThat(lines.get(TraceFormatter.FOLD_HEAD)).contains("folded");
    assertThat(String.join("\n", lines)).contains("Consumer.java:73)").doesNotContain("Consumer.java:72)");
  }

  /**
   * A lost update after a long setup: the other thread's read and write between the first
   * thread's read and write are the bug, and stay in view although no switch is on them.
   */
  @Test
  void foldingKeepsWhatAThreadDidRightAfterASwitch() {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      steps.add(new Step("main", "lock Set#" + i, "Registry.add(Registry.java:" + i + ")"));
    }
    steps.add(new Step("main", "park on CountDownLatch#1", "Demo.run(Demo.java:44)"));
    steps.add(new Step("pool-1", "read Counter.hits", "Counter.hit(Counter.java:11)"));
    steps.add(new Step("pool-2", "read Counter.hits", "Counter.hit(Counter.java:11)"));
    steps.add(new Step("pool-2", "write Counter.hits", "Counter.hit(Counter.java:12)"));
    steps.add(new Step("pool-2", "call CountDownLatch.countDown", "Demo.lambda(Demo.java:41)"));
    steps.add(new Step("pool-2", "unpark main", "Demo.lambda(Demo.java:41)"));
    steps.add(new Step("pool-2", "end", ""));
    for (int i = 0; i < 14; i++) {
      steps.add(new Step("pool-1", "write Counter.hits", "Counter.hit(Counter.java:" + (12 + i) + ")"));
    }

    String folded = TraceFormatter.fold(steps);

    assertThat(folded).contains(" folded ...")
        .containsPattern("83  pool-2 +read Counter.hits")
        .containsPattern("84  pool-2 +write Counter.hits")
        .containsPattern("85  pool-2 +call CountDownLatch.countDown");
  }
}
