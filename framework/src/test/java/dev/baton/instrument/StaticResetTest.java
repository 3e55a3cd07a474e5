package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrument.StaticReset.Kind;
import dev.baton.instrument.samples.ResetSamples.Alias;
import dev.baton.instrument.samples.ResetSamples.Bank;
import dev.baton.instrument.samples.ResetSamples.CallsAnOverridableMethod;
import dev.baton.instrument.samples.ResetSamples.CallsAnotherClass;
import dev.baton.instrument.samples.ResetSamples.Colour;
import dev.baton.instrument.samples.ResetSamples.CopiesACollection;
import dev.baton.instrument.samples.ResetSamples.Counted;
import dev.baton.instrument.samples.ResetSamples.Counters;
import dev.baton.instrument.samples.ResetSamples.Finalizing;
import dev.baton.instrument.samples.ResetSamples.Guarded;
import dev.baton.instrument.samples.ResetSamples.Keys;
import dev.baton.instrument.samples.ResetSamples.Listed;
import dev.baton.instrument.samples.ResetSamples.Locks;
import dev.baton.instrument.samples.ResetSamples.Log;
import dev.baton.instrument.samples.ResetSamples.MakesALambda;
import dev.baton.instrument.samples.ResetSamples.Mode;
import dev.baton.instrument.samples.ResetSamples.NoInitialiser;
import dev.baton.instrument.samples.ResetSamples.NumberingBank;
import dev.baton.instrument.samples.ResetSamples.Plugin;
import dev.baton.instrument.samples.ResetSamples.ReadsAnotherClass;
import dev.baton.instrument.samples.ResetSamples.ReadsTheClock;
import dev.baton.instrument.samples.ResetSamples.Shared;
import dev.baton.instrument.samples.ResetSamples.SharedPrivately;
import dev.baton.instrument.samples.ResetSamples.Singleton;
import dev.baton.instrument.samples.ResetSamples.Size;
import dev.baton.instrument.samples.ResetSamples.StartsAThreadObject;
import dev.baton.instrument.samples.ResetSamples.StoresAnException;
import dev.baton.instrument.samples.ResetSamples.Sub;
import dev.baton.instrument.samples.ResetSamples.WithSentinel;
import dev.baton.instrument.samples.ResetSamples.WritesAnInheritedField;
import dev.baton.runtime.Hooks;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Which static initialisers may run again in place of a new loader ({@link StaticReset}), and what
 * the added reset method does.
 */
class StaticResetTest {
  @Test
  void initialisersThatComputeAndAllocateCanRunAgain() {
    assertThat(kind(Counters.class)).isEqualTo(Kind.RESET);
    assertThat(kind(Singleton.class)).isEqualTo(Kind.RESET);
    assertThat(kind(Guarded.class)).isEqualTo(Kind.RESET);
    assertThat(kind(NoInitialiser.class)).isEqualTo(Kind.RESET);
    assertThat(plan(NoInitialiser.class).initialiser()).isNull();
  }

  @Test
  void anInitialiserMayMakeInstancesOfClassesWhoseConstructorsUseNoStaticState() {
    assertThat(planReadingOthers(Bank.class).kind()).isEqualTo(Kind.RESET);
    assertThat(kind(Bank.class)).as("without the other class's file").isEqualTo(Kind.BLOCKS);
    // NumberedAccount's constructor counts in a static field: run early, it would count in the
    // state of the schedule before.
    assertThat(planReadingOthers(NumberingBank.class).kind()).isEqualTo(Kind.BLOCKS);
  }

  @Test
  void initialisersThatCouldTellWhenTheyRunCannot() {
    assertThat(kind(CallsAnotherClass.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(ReadsAnotherClass.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(ReadsTheClock.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(MakesALambda.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(Locks.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(StartsAThreadObject.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(CopiesACollection.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(CallsAnOverridableMethod.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(WritesAnInheritedField.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(StoresAnException.class)).isEqualTo(Kind.BLOCKS);
  }

  @Test
  void aClassWithoutStaticStateBlocksWhenItsInitialiserCouldTellAndIsResetWhenItCannot() {
    // A new loader runs every initialiser again, not only those of classes with static state.
    assertThat(kind(Plugin.class)).isEqualTo(Kind.BLOCKS); // counts in Registry's state
    assertThat(kind(Alias.class)).isEqualTo(Kind.BLOCKS); // reads another class
    assertThat(kind(Keys.class)).isEqualTo(Kind.BLOCKS); // without Account's class file
    assertThat(planReadingOthers(Keys.class).kind()).isEqualTo(Kind.RESET); // a new object
  }

  @Test
  void enumsOfImmutableConstantsAndSwitchTablesNeedNothing() {
    assertThat(kind(Size.class)).isEqualTo(Kind.NEUTRAL);
    assertThat(kind(Colour.class)).as("calls name().toLowerCase()").isEqualTo(Kind.BLOCKS);
    assertThat(kind(Mode.class)).as("a constant with a mutable field").isEqualTo(Kind.BLOCKS);
    assertThat(StaticReset.plan(switchTable()).kind()).isEqualTo(Kind.NEUTRAL);
    assertThat(kind(StaticStateTest.class)).isEqualTo(Kind.NOTHING);
  }

  @Test
  void whatAnEnumOrInterfaceMakesIsJudgedByWhatItAllocatesNotByTheFieldsType() {
    assertThat(kind(Listed.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(WithSentinel.class)).isEqualTo(Kind.BLOCKS);
  }

  @Test
  void aClassWithAFinalizerBlocks() {
    assertThat(kind(Finalizing.class)).isEqualTo(Kind.BLOCKS);
  }

  @Test
  void aResetNeverInitialisesAClassOrItsSuperclass() throws Exception {
    InstrumentedCode code = InstrumentedCode.shared(getClass().getClassLoader(), List.of());
    InstrumentingClassLoader loader = code.newLoader();
    Class<?> log = Class.forName(Log.class.getName(), true, loader);
    Class<?> sub = Class.forName(Sub.class.getName(), false, loader); // loaded, not initialised
    assertThat(planReadingOthers(Sub.class).kind()).isEqualTo(Kind.RESET);
    assertThat(kind(Counted.class)).isEqualTo(Kind.BLOCKS);

    assertThat(loader.resetStaticState(Hooks::wasInitialised)).isTrue();
    assertThat(Hooks.wasInitialised(sub)).as("Sub got an initialiser that says so").isFalse();
    assertThat(field(log, "count").getInt(null)).as("Counted's initialiser never ran").isZero();

    field(sub, "hits").setInt(null, 4); // initialises Sub, and Counted first
    assertThat(Hooks.wasInitialised(sub)).isTrue();
    assertThat(loader.resetStaticState(Hooks::wasInitialised)).isFalse();
  }

  @Test
  void aSerializableClassWithoutAVersionKeepsItsDefaultOne() {
    assertThat(kind(Shared.class)).isEqualTo(Kind.BLOCKS);
    assertThat(kind(SharedPrivately.class)).isEqualTo(Kind.RESET);
  }

  @Test
  void theFieldsResetAreTheStaticOnesThatAreNotConstants() {
    List<String> names = plan(Counters.class).resetFields().stream().map(f -> f.name).toList();

    assertThat(names).contains("count", "total", "SEEN", "LOCK", "LIST", "NEXT", "FAIR", "LOG",
        "boxed", "$assertionsDisabled").doesNotContain("LIMIT");
    assertThat(plan(Counters.class).unfinal()).contains("SEEN", "LOCK", "$assertionsDisabled")
        .doesNotContain("LIMIT", "count");
  }

  @Test
  void theResetMethodPutsTheStateBackAsANewLoaderDefinesIt() throws Exception {
    InstrumentedCode code = InstrumentedCode.shared(getClass().getClassLoader(), List.of());
    Class<?> counters = Class.forName(Counters.class.getName(), true, code.newLoader());
    Class<?> pristine = Class.forName(Counters.class.getName(), true, code.newLoader());
    Object seenBefore = field(counters, "SEEN").get(null);
    field(counters, "count").setInt(null, 5);
    field(counters, "total").setLong(null, 99);
    ((int[]) seenBefore)[0] = -1;
    ((List<?>) field(counters, "LIST").get(null)).add(null);
    ((AtomicInteger) field(counters, "NEXT").get(null)).incrementAndGet();

    Method reset = counters.getDeclaredMethod(StaticReset.METHOD);
    assertThat(reset.isSynthetic()).isTrue();
    assertThat(Modifier.isPrivate(reset.getModifiers())).isTrue();
    reset.setAccessible(true);
    reset.invoke(null);

    for (Field f : counters.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) || f.isSynthetic() && !f.getName().startsWith("$")) {
        continue;
      }
      f.setAccessible(true);
      Object now = f.get(null);
      Object fresh = field(pristine, f.getName()).get(null);
      assertThat(describe(now)).as(f.getName()).isEqualTo(describe(fresh));
    }
    assertThat(field(counters, "SEEN").get(null)).isNotSameAs(seenBefore);
    assertThat(Modifier.isFinal(field(counters, "SEEN").getModifiers())).isFalse();
    assertThat(Modifier.isFinal(field(counters, "LIMIT").getModifiers())).isTrue();
  }

  @Test
  void aLoaderResetsOnlyWhileNoInitialisedClassBlocks() throws Exception {
    InstrumentedCode code = InstrumentedCode.shared(getClass().getClassLoader(), List.of());
    InstrumentingClassLoader resettable = code.newLoader();
    Class<?> singleton = Class.forName(Singleton.class.getName(), true, resettable);
    Class<?> tally = Class.forName(NoInitialiser.class.getName(), true, resettable);
    Object first = field(singleton, "INSTANCE").get(null);
    field(singleton, "made").setInt(null, 7);
    field(tally, "hits").setInt(null, 3);

    assertThat(resettable.resetStaticState(Hooks::wasInitialised)).isTrue();
    assertThat(field(singleton, "INSTANCE").get(null)).isNotSameAs(first);
    assertThat(field(singleton, "made").getInt(null)).isEqualTo(1);
    assertThat(field(tally, "hits").getInt(null)).isZero();

    InstrumentingClassLoader mixed = code.newLoader();
    Class.forName(NoInitialiser.class.getName(), true, mixed);
    Class<?> clock = Class.forName(ReadsTheClock.class.getName(), false, mixed);
    assertThat(mixed.resetStaticState(Hooks::wasInitialised))
        .as("a class that blocks, loaded but never initialised, is as new as in a new loader")
        .isTrue();
    assertThat(Hooks.wasInitialised(clock)).isFalse();
    Class.forName(ReadsTheClock.class.getName(), true, mixed);
    assertThat(mixed.resetStaticState(Hooks::wasInitialised)).isFalse();
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  private static String describe(Object value) {
    if (value instanceof int[] a) return java.util.Arrays.toString(a);
    if (value instanceof AtomicInteger || value instanceof List || value instanceof StringBuilder
        || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return value == null ? "null" : value.getClass().getName();
  }

  private static StaticReset.Plan planReadingOthers(Class<?> type) {
    return StaticReset.plan(TransformingLoader.originalBytes(type.getName()), name -> {
      try {
        return TransformingLoader.originalBytes(name.replace('/', '.'));
      } catch (IllegalArgumentException noSuchClass) {
        return null;
      }
    });
  }

  @Test
  void aHugeInitialiserThatLeavesNoRoomIsDefinedAfreshAndSaysSo() {
    UserCodeTransformer transformer = new UserCodeTransformer(getClass().getClassLoader());
    // Room for the initialiser, not for a copy of it: it only says when it starts.
    UserCodeTransformer.Rewritten copyTooLarge =
        transformer.rewriteClass("p/Big", hugeInitialiser("p/Big", 3_000, 14_000));
    assertThat(methodNames(copyTooLarge.bytes())).doesNotContain(StaticReset.METHOD);
    assertThat(copyTooLarge.reset()).isEqualTo(Kind.BLOCKS);
    // 65,521 bytes: Baton's bracket (10 bytes) fits, the call that says it starts (5) does not.
    UserCodeTransformer.Rewritten noRoom =
        transformer.rewriteClass("p/Bigger", hugeInitialiser("p/Bigger", 1, 16_380));
    assertThat(methodNames(noRoom.bytes())).doesNotContain(StaticReset.METHOD);
    assertThat(noRoom.reset()).isEqualTo(Kind.UNTRACKED);
    // The same class with room to spare is reset.
    assertThat(transformer.rewriteClass("p/Small", hugeInitialiser("p/Small", 2, 10)).reset())
        .isEqualTo(Kind.RESET);
  }

  /**
   * What javac makes for a switch on an enum of another compilation unit (newer javac uses the
   * ordinals directly within one): a synthetic class whose initialiser fills a static final
   * synthetic int[] from the enum's values().
   */
  private static byte[] switchTable() {
    org.objectweb.asm.ClassWriter w =
        new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
    int synthetic = org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
    int constant = org.objectweb.asm.Opcodes.ACC_STATIC | org.objectweb.asm.Opcodes.ACC_FINAL;
    w.visit(org.objectweb.asm.Opcodes.V17, synthetic, "p/Switches$1", null, "java/lang/Object",
        null);
    w.visitField(constant | synthetic, "$SwitchMap$p$Colour", "[I", null, null).visitEnd();
    org.objectweb.asm.MethodVisitor mv =
        w.visitMethod(org.objectweb.asm.Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    mv.visitMethodInsn(org.objectweb.asm.Opcodes.INVOKESTATIC, "p/Colour", "values",
        "()[Lp/Colour;", false);
    mv.visitInsn(org.objectweb.asm.Opcodes.ARRAYLENGTH);
    mv.visitIntInsn(org.objectweb.asm.Opcodes.NEWARRAY, org.objectweb.asm.Opcodes.T_INT);
    mv.visitFieldInsn(org.objectweb.asm.Opcodes.PUTSTATIC, "p/Switches$1", "$SwitchMap$p$Colour",
        "[I");
    mv.visitInsn(org.objectweb.asm.Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  /** A class of {@code fields} static ints whose initialiser stores 0 {@code stores} times. */
  private static byte[] hugeInitialiser(String name, int fields, int stores) {
    org.objectweb.asm.ClassWriter w =
        new org.objectweb.asm.ClassWriter(org.objectweb.asm.ClassWriter.COMPUTE_MAXS);
    w.visit(org.objectweb.asm.Opcodes.V1_8, org.objectweb.asm.Opcodes.ACC_PUBLIC, name, null,
        "java/lang/Object", null);
    for (int f = 0; f < fields; f++) {
      w.visitField(org.objectweb.asm.Opcodes.ACC_STATIC, "f" + f, "I", null, null).visitEnd();
    }
    org.objectweb.asm.MethodVisitor mv =
        w.visitMethod(org.objectweb.asm.Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    for (int i = 0; i < stores; i++) { // iconst_0 (1 byte) and putstatic (3)
      mv.visitInsn(org.objectweb.asm.Opcodes.ICONST_0);
      mv.visitFieldInsn(org.objectweb.asm.Opcodes.PUTSTATIC, name, "f0", "I");
    }
    mv.visitInsn(org.objectweb.asm.Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    w.visitEnd();
    return w.toByteArray();
  }

  private static List<String> methodNames(byte[] classFile) {
    org.objectweb.asm.tree.ClassNode node = new org.objectweb.asm.tree.ClassNode();
    new org.objectweb.asm.ClassReader(classFile).accept(node, 0);
    return node.methods.stream().map(m -> m.name).toList();
  }

  private static Kind kind(Class<?> type) {
    return kind(type.getName());
  }

  private static Kind kind(String className) {
    return StaticReset.plan(TransformingLoader.originalBytes(className)).kind();
  }

  private static StaticReset.Plan plan(Class<?> type) {
    return StaticReset.plan(TransformingLoader.originalBytes(type.getName()));
  }
}
