package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrument.samples.ResetSamples.Bank;
import dev.baton.instrument.samples.ResetSamples.CallsAnOverridableMethod;
import dev.baton.instrument.samples.ResetSamples.CallsAnotherClass;
import dev.baton.instrument.samples.ResetSamples.CopiesACollection;
import dev.baton.instrument.samples.ResetSamples.Counters;
import dev.baton.instrument.samples.ResetSamples.Locks;
import dev.baton.instrument.samples.ResetSamples.MakesALambda;
import dev.baton.instrument.samples.ResetSamples.Mode;
import dev.baton.instrument.samples.ResetSamples.NoInitialiser;
import dev.baton.instrument.samples.ResetSamples.NumberingBank;
import dev.baton.instrument.samples.ResetSamples.ReadsAnotherClass;
import dev.baton.instrument.samples.ResetSamples.ReadsTheClock;
import dev.baton.instrument.samples.ResetSamples.Singleton;
import dev.baton.instrument.samples.ResetSamples.StartsAThreadObject;
import dev.baton.instrument.samples.ResetSamples.WritesAnInheritedField;
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
    assertThat(plan(Counters.class)).isNotNull();
    assertThat(plan(Singleton.class)).isNotNull();
    assertThat(plan(NoInitialiser.class)).isNotNull();
    assertThat(plan(NoInitialiser.class).initialiser()).isNull();
  }

  @Test
  void anInitialiserMayMakeInstancesOfClassesWhoseConstructorsUseNoStaticState() {
    assertThat(planReadingOthers(Bank.class)).isNotNull();
    assertThat(plan(Bank.class)).as("without the other class's file").isNull();
    // NumberedAccount's constructor counts in a static field: run early, it would count in the
    // state of the schedule before.
    assertThat(planReadingOthers(NumberingBank.class)).isNull();
  }

  @Test
  void initialisersThatCouldTellWhenTheyRunCannot() {
    assertThat(plan(CallsAnotherClass.class)).isNull();
    assertThat(plan(ReadsAnotherClass.class)).isNull();
    assertThat(plan(ReadsTheClock.class)).isNull();
    assertThat(plan(MakesALambda.class)).isNull();
    assertThat(plan(Locks.class)).isNull();
    assertThat(plan(StartsAThreadObject.class)).isNull();
    assertThat(plan(CopiesACollection.class)).isNull();
    assertThat(plan(CallsAnOverridableMethod.class)).isNull();
    assertThat(plan(WritesAnInheritedField.class)).isNull();
  }

  @Test
  void enumsAndClassesWithoutStateAreNeverReset() {
    assertThat(plan(Mode.class)).isNull();
    assertThat(plan(StaticStateTest.class)).isNull();
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
  void aLoaderResetsOnlyWhenEveryStatefulClassCanBeReset() throws Exception {
    InstrumentedCode code = InstrumentedCode.shared(getClass().getClassLoader(), List.of());
    InstrumentingClassLoader resettable = code.newLoader();
    Class<?> singleton = Class.forName(Singleton.class.getName(), true, resettable);
    Class.forName(NoInitialiser.class.getName(), true, resettable);
    Object first = field(singleton, "INSTANCE").get(null);

    assertThat(resettable.resetStaticState()).isTrue();
    assertThat(field(singleton, "INSTANCE").get(null)).isNotSameAs(first);
    assertThat(field(singleton, "made").getInt(null)).isEqualTo(1);

    InstrumentingClassLoader mixed = code.newLoader();
    Class.forName(NoInitialiser.class.getName(), true, mixed);
    Class.forName(ReadsTheClock.class.getName(), true, mixed);
    assertThat(mixed.resetStaticState()).isFalse();
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
    return StaticReset.plan(TransformingLoader.originalBytes(type.getName()),
        name -> TransformingLoader.originalBytes(name.replace('/', '.')));
  }

  private static StaticReset.Plan plan(Class<?> type) {
    return StaticReset.plan(TransformingLoader.originalBytes(type.getName()));
  }
}
