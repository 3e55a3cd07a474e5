package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;

/** Scenarios drawn for Baton's mode: deterministic, shaped as asked, honouring Lincheck's hints. */
class ScenarioTest {

  /** A single-producer queue: offers must never run in parallel with each other. */
  @Param(name = "value", gen = IntGen.class, conf = "7:9")
  public static class SingleProducerQueue {
    @Operation(nonParallelGroup = "producer")
    public void offer(@Param(name = "value") int value) {}

    @Operation
    public Integer poll() {
      return null;
    }
  }

  public static class Unsupported {
    @Operation
    public void put(@Param(name = "k", gen = org.jetbrains.lincheck.datastructures.ThreadIdGen.class) int k) {}
  }

  @Test
  void theSameStreamGivesTheSameScenario() {
    SpecOperations spec = SpecOperations.of(SingleProducerQueue.class);
    Scenario a = Scenario.generate(spec, 3, 4, new SplittableRandom(5));
    Scenario b = Scenario.generate(spec, 3, 4, new SplittableRandom(5));

    assertThat(a.toString()).isEqualTo(b.toString());
    assertThat(a.threads()).hasSize(3).allSatisfy(t -> assertThat(t).hasSize(4));
    assertThat(a.init().size()).isBetween(0, 4);
  }

  @Test
  void aNonParallelGroupRunsInOneThreadOnlyAndParamRangesHold() {
    SpecOperations spec = SpecOperations.of(SingleProducerQueue.class);
    for (int seed = 0; seed < 200; seed++) {
      Scenario s = Scenario.generate(spec, 3, 3, new SplittableRandom(seed));
      long threadsOffering = s.threads().stream()
          .filter(t -> t.stream().anyMatch(a -> a.operation().name().equals("offer"))).count();
      assertThat(threadsOffering).isLessThanOrEqualTo(1);
      s.threads().stream().flatMap(List::stream)
          .filter(a -> a.operation().name().equals("offer"))
          .forEach(a -> assertThat((Integer) a.arguments()[0]).isBetween(7, 9));
    }
  }

  @Test
  void anUnsupportedGeneratorIsNamed() {
    assertThatThrownBy(() -> SpecOperations.of(Unsupported.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not support the generator ThreadIdGen");
  }

  @Test
  void valuesOfTheSpecsOwnClassesFromTwoLoadersCompareByText() throws Exception {
    OperationResult mine = OperationResult.of(new Point(1, 2), false);
    Class<?> twin = new ClassLoader(null) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        try (var in = ScenarioTest.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
          byte[] b = in.readAllBytes();
          return defineClass(name, b, 0, b.length);
        } catch (java.io.IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }.loadClass(Point.class.getName());
    Object other = twin.getDeclaredConstructor(int.class, int.class).newInstance(1, 2);

    assertThat(mine.sameAs(OperationResult.of(other, false))).isTrue();
    assertThat(mine.sameAs(OperationResult.of(new Point(2, 1), false))).isFalse();
  }

  /** A value class of a spec; a record, so equal points print the same. */
  public record Point(int x, int y) {}
}
