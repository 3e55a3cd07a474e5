package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Which classes hold static state that a schedule could change. */
class StaticStateTest {
  static class Constants {
    static final int LIMIT = 3;
    static final String NAME = "x";
    static final Object LOCK = new Object();
    static final Pattern WORD = Pattern.compile("\\w+");
  }

  static class NonFinalStatic {
    static int count;
  }

  static class FinalCollection {
    static final Map<String, String> CACHE = new java.util.HashMap<>();
  }

  static class FinalAtomic {
    static final AtomicInteger NEXT = new AtomicInteger();
  }

  static class FinalListConstant {
    static final List<String> NAMES = List.of("a"); // declared as List: it could be any list
  }

  static class InstanceStateOnly {
    int count;
  }

  enum Colour {
    RED, GREEN
  }

  enum Switch {
    ON;
    private boolean flipped;

    void flip() {
      flipped = !flipped;
    }
  }

  static class UsesASwitchOnAnEnum {
    static int code(Colour c) {
      switch (c) {
        case RED:
          return 1;
        default:
          return 2;
      }
    }
  }

  @Test
  void constantsOfImmutableTypesAreNotState() {
    assertThat(isMutable(Constants.class)).isFalse();
    assertThat(isMutable(InstanceStateOnly.class)).isFalse();
    assertThat(isMutable(Colour.class)).isFalse();
  }

  @Test
  void compilerMadeTablesAreNotState() {
    // What javac makes for a switch on an enum (on some JDKs): a synthetic class holding a
    // static final synthetic int[] that is filled once, in its initialiser.
    org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
    w.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_SYNTHETIC, "p/Switches$1",
        null, "java/lang/Object", null);
    w.visitField(org.objectweb.asm.Opcodes.ACC_STATIC | org.objectweb.asm.Opcodes.ACC_FINAL
        | org.objectweb.asm.Opcodes.ACC_SYNTHETIC, "$SwitchMap$p$Colour", "[I", null, null);
    w.visitEnd();

    assertThat(StaticState.isMutable(w.toByteArray())).isFalse();
    assertThat(isMutable(UsesASwitchOnAnEnum.class)).isFalse();
  }

  @Test
  void nonFinalStaticsAndFinalReferencesToMutableObjectsAreState() {
    assertThat(isMutable(NonFinalStatic.class)).isTrue();
    assertThat(isMutable(FinalCollection.class)).isTrue();
    assertThat(isMutable(FinalAtomic.class)).isTrue();
    assertThat(isMutable(FinalListConstant.class)).isTrue();
  }

  @Test
  void anEnumWithAMutableFieldIsState() {
    assertThat(isMutable(Switch.class)).isTrue();
  }

  private static boolean isMutable(Class<?> type) {
    return StaticState.isMutable(TransformingLoader.originalBytes(type.getName()));
  }
}
