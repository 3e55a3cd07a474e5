package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.ARRAY_READ;
import static dev.baton.instrument.SiteKind.ARRAY_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Array;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/** Rule 2: array element loads and stores of every element type. */
class ArrayAccessTest extends InstrumentedTestSupport {

  static Stream<Arguments> arrays() {
    return Stream.of(
        Arguments.of("ints", new int[] {4, 0}, 5),
        Arguments.of("longs", new long[] {Long.MAX_VALUE / 4, 0}, Long.MAX_VALUE / 4 * 3),
        Arguments.of("doubles", new double[] {1.0, 0}, 0.25),
        Arguments.of("floats", new float[] {1.5f, 0}, 3f),
        Arguments.of("bytes", new byte[] {126, 0}, (byte) 127),
        Arguments.of("booleans", new boolean[] {false, false}, true),
        Arguments.of("chars", new char[] {'a', 0}, 'b'),
        Arguments.of("shorts", new short[] {-2, 0}, (short) -1),
        Arguments.of("objects", new String[] {"hi", null}, "hi!"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("arrays")
  void loadsAndStoresReportArrayAndIndexAndKeepValues(String method, Object array, Object expected)
      throws Throwable {
    Object result = callStatic("ArrayOps", method, array);

    assertThat(result).isEqualTo(expected);
    assertThat(Array.get(array, 1)).isEqualTo(expected);
    String line = " :" + SourceLines.of("ArrayOps", method);
    String next = " :" + (SourceLines.of("ArrayOps", method) + 1);
    assertThat(described())
        .containsExactly(
            ARRAY_READ + line + " [0]", ARRAY_WRITE + line + " [1]", ARRAY_READ + next + " [1]");
    assertThat(targets()).containsOnly(array);
  }

  @Test
  void theHookSeesAnOutOfBoundsStoreAndTheStoreStillThrows() {
    int[] array = new int[2];

    assertThatThrownBy(() -> callStatic("ArrayOps", "outOfBounds", array))
        .isInstanceOf(ArrayIndexOutOfBoundsException.class);
    assertThat(described()).containsExactly(at(ARRAY_WRITE, "", "ArrayOps", "out-of-bounds") + " [5]");
  }

  @Test
  void aNullArrayStillThrowsNullPointerExceptionAfterTheHook() {
    assertThatThrownBy(() -> callStatic("ArrayOps", "ints", (Object) null))
        .isInstanceOf(NullPointerException.class);
    assertThat(targets()).containsExactly((Object) null);
  }

  @Test
  void storesReuseOneScratchLocalPerValueKind() throws Throwable {
    int[] ints = new int[3];
    long[] longs = new long[2];
    assertThat(callStatic("ArrayOps", "many", ints, longs)).isEqualTo(15L);
    assertThat(ints).containsExactly(1, 2, 3);
    assertThat(longs).containsExactly(4L, 5L);

    String name = TransformingLoader.SAMPLES + "ArrayOps";
    byte[] original = TransformingLoader.originalBytes(name);
    byte[] rewritten = new UserCodeTransformer(getClass().getClassLoader()).transform(name, original);
    // one int slot for the three int stores, two slots for the long value of both long stores
    assertThat(maxLocals(rewritten, "many")).isEqualTo(maxLocals(original, "many") + 3);
  }

  private static int maxLocals(byte[] classFile, String method) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, 0);
    return node.methods.stream()
        .filter(m -> m.name.equals(method))
        .mapToInt(m -> m.maxLocals)
        .findFirst()
        .orElseThrow();
  }
}
