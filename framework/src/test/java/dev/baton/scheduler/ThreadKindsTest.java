package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Threads started to run the same code are one kind, whatever their number; another task is
 * another kind. The selective walk by code picks among kinds before threads
 * ({@code dev.baton.strategy.PortfolioPolicyTest}).
 */
class ThreadKindsTest {

  @Test
  void copiesOfOneWorkerAreOneKindAndTheOddThreadIsAnother() {
    dev.baton.instrument.BatonAgent.install(); // opens java.lang, where a thread keeps its task
    ThreadKinds kinds = new ThreadKinds();
    Runnable writer = () -> { };
    Runnable checker = () -> { };
    int[] writers = new int[9];
    for (int i = 0; i < writers.length; i++) writers[i] = kinds.of(new Thread(writer));
    int odd = kinds.of(new Thread(checker));

    assertThat(writers).containsOnly(writers[0]);
    assertThat(odd).isNotEqualTo(writers[0]);
    assertThat(kinds.of(new Thread(writer))).as("numbered in registration order")
        .isEqualTo(0).isEqualTo(writers[0]);
    assertThat(odd).isEqualTo(1);
  }
}
