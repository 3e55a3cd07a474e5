package dev.baton.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.ExplorationResult;
import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Every schedule starts from fresh static state, unless the user opts out. */
class StaticStateTest {

  @Test
  void everyScheduleSeesTheInitialStaticState() {
    ExplorationResult result =
        Interleavings.configure().schedules(30).seed(3).explore(StaticStateScenarios::registerTwice);

    assertThat(result.schedules()).isEqualTo(30);
  }

  @Test
  void sharedStaticsCarryStateIntoTheNextSchedule() {
    InterleavingFailure failure =
        catchThrowableOfType(
            InterleavingFailure.class,
            () -> Interleavings.configure().schedules(30).seed(3).freshStatics(false)
                .explore(StaticStateScenarios::registerTwice));

    assertThat(failure.kind()).isEqualTo(InterleavingFailure.Kind.EXCEPTION);
    assertThat(failure.getMessage()).contains("registered 5 times, expected 2");
    assertThat(failure.schedule()).isEqualTo(2);
  }

  @Test
  void codeWithoutStaticStateKeepsItsClassesAcrossSchedules() {
    Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();

    Interleavings.configure().schedules(20).seed(1)
        .explore(() -> StaticStateScenarios.recordLoaderOfStatelessCode(loaders));

    assertThat(loaders).hasSize(1);
  }

  @Test
  void codeWithStaticStateKeepsItsClassesWhenTheirStateCanBeResetInPlace() {
    Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();

    ExplorationResult result = Interleavings.configure().schedules(20).seed(1)
        .explore(() -> StaticStateScenarios.recordLoaderOfStatefulCode(loaders));

    assertThat(result.schedules()).isEqualTo(20); // and the registry started empty in each
    assertThat(loaders).hasSize(1);
  }
}
