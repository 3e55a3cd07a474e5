package dev.baton.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.InterleavingFailure;
import dev.baton.lincheck.generators.BrokenTrieSpec;
import dev.baton.lincheck.generators.CorrectTrieSpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

/** Every generator Lincheck ships, with its conf syntax, as Baton's mode draws from it. */
class GeneratorsTest {
  enum Color { RED, GREEN, BLUE }

  private static Set<Object> drawn(String generator, String conf, Class<?> type) {
    ParameterValues values = ParameterValues.fromGenerator(generator, conf).fitTo(type);
    SplittableRandom random = new SplittableRandom(1);
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) seen.add(values.draw(random));
    return seen;
  }

  @Test
  void wholeNumberRangesAreHonouredForEveryWholeType() {
    assertThat(drawn("IntGen", " -2 : 2 ", int.class)).containsExactlyInAnyOrder(-2, -1, 0, 1, 2);
    assertThat(drawn("LongGen", "10:12", long.class)).containsExactlyInAnyOrder(10L, 11L, 12L);
    assertThat(drawn("ShortGen", "-1:1", short.class))
        .containsExactlyInAnyOrder((short) -1, (short) 0, (short) 1);
    assertThat(drawn("ByteGen", "126:127", byte.class))
        .containsExactlyInAnyOrder((byte) 126, (byte) 127);
  }

  @Test
  void stringGenHonoursLengthAndAlphabet() {
    Set<Object> words = drawn("StringGen", "4:ab", String.class);
    assertThat(words).allSatisfy(w -> assertThat((String) w).matches("[ab]{1,4}"));
    // Words of every length up to 4 occur, so keys share prefixes.
    assertThat(words).contains("a", "b", "ab", "aab", "abba");

    Set<Object> lengthOnly = drawn("StringGen", "2", String.class);
    assertThat(lengthOnly).allSatisfy(w -> assertThat(((String) w).length()).isBetween(1, 2));
    assertThat(lengthOnly.size()).isGreaterThan(64); // Lincheck's 64-letter alphabet
  }

  @Test
  void decimalsFollowBeginStepEnd() {
    assertThat(drawn("DoubleGen", "0:0.5:2", double.class))
        .containsExactlyInAnyOrder(0.0, 0.5, 1.0, 1.5, 2.0);
    assertThat(drawn("FloatGen", "1:0.25:1.5", float.class))
        .containsExactlyInAnyOrder(1.0f, 1.25f, 1.5f);
    // Lincheck's step of 0.1 when only begin and end are given.
    assertThat(drawn("DoubleGen", "0:1", double.class)).hasSize(11);
  }

  @Test
  void enumGenDrawsThePermittedConstants() {
    assertThat(drawn("EnumGen", "RED, BLUE", Color.class))
        .containsExactlyInAnyOrder(Color.RED, Color.BLUE);
    assertThat(drawn("EnumGen", "", Color.class)).containsExactlyInAnyOrder(Color.values());
    assertThat(drawn("BooleanGen", "", boolean.class)).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void badConfigurationsAndUnsupportedGeneratorsAreNamed() {
    Function<String[], Throwable> bad = a -> org.assertj.core.api.Assertions.catchThrowable(
        () -> ParameterValues.fromGenerator(a[0], a[1]).fitTo(Color.class));
    assertThat(bad.apply(new String[] {"IntGen", "1:2:3"}))
        .hasMessageContaining("conf = \"1:2:3\" of IntGen is not valid").hasMessageContaining("from:to");
    assertThat(bad.apply(new String[] {"ByteGen", "0:300"}))
        .hasMessageContaining("within [-128; 127]");
    assertThat(bad.apply(new String[] {"DoubleGen", "2:1"}))
        .hasMessageContaining("begin must be below end");
    assertThat(bad.apply(new String[] {"StringGen", "x:ab"}))
        .hasMessageContaining("\"maxLength:alphabet\"");
    assertThat(bad.apply(new String[] {"EnumGen", "RED, PINK"}))
        .hasMessageContaining("Color has no constant PINK");
    assertThatThrownBy(() -> ParameterValues.fromGenerator("ThreadIdGen", ""))
        .hasMessageContaining("does not support the generator ThreadIdGen")
        .hasMessageContaining("IntGen, LongGen, ShortGen, ByteGen, DoubleGen, FloatGen");
  }

  @Test
  void aTrieBugThatNeedsSharedPrefixesIsFound() {
    Map<String, TestExecutionResult> results =
        LincheckEngine.resultsByMode(LincheckEngine.execute(BrokenTrieSpec.class, Map.of()));

    Throwable failure = LincheckEngine.failureOf(results, "baton");
    assertThat(failure).isInstanceOf(InterleavingFailure.class);
    assertThat(failure.getMessage()).contains("not linearizable").containsPattern("add\\([ab]{2,3}\\)");
  }

  @Test
  void theCorrectTriePasses() {
    Map<String, TestExecutionResult> results =
        LincheckEngine.resultsByMode(LincheckEngine.execute(CorrectTrieSpec.class, Map.of()));

    assertThat(results.get("baton").getThrowable()).isEmpty();
  }
}
