package dev.baton.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.MockMakers;

/**
 * Mockito mocks of a scenario's own package-private classes work in every schedule, with the
 * inline and the subclass mock maker, while the schedules load the scenario's classes afresh.
 */
class MockitoInScenarioTest {

  /**
   * Mockito's first mock in a JVM takes seconds (its mock makers and ByteBuddy start up); a user's
   * suite has paid that before, and it must not count against the watchdog of schedule 1 here.
   */
  @BeforeAll
  static void warmUpMockito() {
    if (Runtime.version().feature() > 22) {
      // This module's ByteBuddy is Lincheck's 1.14 (nearest wins over Mockito's), older than JDK 23.
      System.setProperty("net.bytebuddy.experimental", "true");
    }
    mock(PriceSource.class, withSettings().mockMaker(MockMakers.INLINE));
    mock(PriceSource.class, withSettings().mockMaker(MockMakers.SUBCLASS));
  }

  @Test
  void aRaceBehindAnInlineMockIsFound() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(200).explore(MockitoInScenarioTest::inlineRacy));
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("lost update: total = 1");
  }

  @Test
  void aRaceBehindASubclassMockIsFound() {
    InterleavingFailure failure = catchThrowableOfType(InterleavingFailure.class,
        () -> Interleavings.configure().schedules(200).explore(MockitoInScenarioTest::subclassRacy));
    assertThat(failure).isNotNull();
    assertThat(failure.getMessage()).contains("lost update: total = 1");
  }

  @Test
  void aCorrectTillWithAnInlineMockPassesEverySchedule() {
    var result = Interleavings.configure().schedules(50).explore(MockitoInScenarioTest::inlineSafe);
    assertThat(result.schedules()).isGreaterThan(1);
  }

  @Test
  void aCorrectTillWithASubclassMockPassesEverySchedule() {
    var result = Interleavings.configure().schedules(50).explore(MockitoInScenarioTest::subclassSafe);
    assertThat(result.schedules()).isGreaterThan(1);
  }

  static void inlineRacy() throws InterruptedException {
    ringTwice(inlineMock(), false);
  }

  static void subclassRacy() throws InterruptedException {
    ringTwice(subclassMock(), false);
  }

  static void inlineSafe() throws InterruptedException {
    ringTwice(inlineMock(), true);
  }

  static void subclassSafe() throws InterruptedException {
    ringTwice(subclassMock(), true);
  }

  private static PriceSource inlineMock() {
    PriceSource source = mock(PriceSource.class, withSettings().mockMaker(MockMakers.INLINE));
    when(source.price()).thenReturn(1);
    return source;
  }

  private static PriceSource subclassMock() {
    PriceSource source = mock(PriceSource.class, withSettings().mockMaker(MockMakers.SUBCLASS));
    when(source.price()).thenReturn(1);
    return source;
  }

  private static void ringTwice(PriceSource source, boolean safely) throws InterruptedException {
    Till till = new Till(source);
    Runnable ring = safely ? till::ringSafely : till::ring;
    Thread a = new Thread(ring);
    Thread b = new Thread(ring);
    a.start();
    b.start();
    a.join();
    b.join();
    if (till.total() != 2) throw new AssertionError("lost update: total = " + till.total());
  }
}
