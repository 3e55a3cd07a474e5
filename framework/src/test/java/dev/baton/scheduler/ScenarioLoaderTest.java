package dev.baton.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrument.InstrumentedCode;
import dev.baton.instrument.InstrumentingClassLoader;
import dev.baton.scheduler.fixtures.LoaderFixtures.Counter;
import dev.baton.scheduler.fixtures.LoaderFixtures.Plain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one rule of the engine and {@code Interleavings}: reload only when statics could leak. */
class ScenarioLoaderTest {
  private final InstrumentedCode code =
      InstrumentedCode.shared(ScenarioLoaderTest.class.getClassLoader(), List.of());
  private final List<ClassLoader> loadersThatRan = new ArrayList<>();
  private final ClassLoader contextLoader = Thread.currentThread().getContextClassLoader();

  @AfterEach
  void restoreTheContextLoader() {
    Thread.currentThread().setContextClassLoader(contextLoader);
  }

  /** The scenario as {@code loader} defines it: it defines {@code type} and records its loader. */
  private ScenarioLoader.Loaded loaded(ClassLoader loader, Class<?> type) {
    return new ScenarioLoader.Loaded() {
      @Override
      public ClassLoader loader() {
        return loader;
      }

      @Override
      public void run() throws Throwable {
        Class.forName(type.getName(), true, loader);
        loadersThatRan.add(Thread.currentThread().getContextClassLoader());
      }
    };
  }

  /**
   * Off Baton's main thread nobody can tell that the last schedule's threads are gone, so static
   * state is never reset in place there (StaticResetOracleTest covers the reset).
   */
  @Test
  void aLoaderThatDefinedStaticStateIsReplacedWhenItCannotBeResetInPlace() throws Throwable {
    ScenarioLoader<ScenarioLoader.Loaded> schedules = new ScenarioLoader<>(
        loaded(code.newLoader(), Counter.class), () -> loaded(code.newLoader(), Counter.class));

    for (int i = 0; i < 3; i++) schedules.run();

    assertThat(loadersThatRan).hasSize(3).doesNotHaveDuplicates();
  }

  @Test
  void aLoaderWithoutStaticStateIsKept() throws Throwable {
    ScenarioLoader<ScenarioLoader.Loaded> schedules = new ScenarioLoader<>(
        loaded(code.newLoader(), Plain.class), () -> loaded(code.newLoader(), Plain.class));

    for (int i = 0; i < 3; i++) schedules.run();

    assertThat(loadersThatRan).hasSize(3).containsOnly(loadersThatRan.get(0));
  }

  @Test
  void withoutReloadEveryScheduleSharesTheFirstLoader() throws Throwable {
    ScenarioLoader<ScenarioLoader.Loaded> schedules =
        new ScenarioLoader<>(loaded(code.newLoader(), Counter.class), null);

    for (int i = 0; i < 3; i++) schedules.run();

    assertThat(loadersThatRan).hasSize(3).containsOnly(loadersThatRan.get(0));
    assertThat(((InstrumentingClassLoader) loadersThatRan.get(0)).definedStaticState()).isTrue();
  }
}
