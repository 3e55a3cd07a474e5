package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rule 7: static initialisers report entry and exit and are otherwise left alone. */
class ClassInitTest extends InstrumentedTestSupport {

  @Test
  void aStaticInitialiserReportsEntryAndExitOnly() throws Throwable {
    Class<?> type = Class.forName(TransformingLoader.SAMPLES + "StaticInit", true, loader);

    // no field, array or monitor events from <clinit>, though it has all three
    assertThat(described()).containsExactly("classInitEnter", "classInitExit");
    clearEvents();

    assertThat(callStatic(type, "counter")).isEqualTo(8);
    assertThat(described()).containsExactly(at(SiteKind.READ, "StaticInit.counter", "StaticInit", "counter"));
    assertThat(targets()).containsExactly((Object) null);
  }

  @Test
  void aThrowingStaticInitialiserStillReportsItsExit() {
    assertThatThrownBy(() -> Class.forName(TransformingLoader.SAMPLES + "FailingInit", true, loader))
        .isInstanceOf(ExceptionInInitializerError.class)
        .cause()
        .isInstanceOf(ArithmeticException.class);

    assertThat(described()).containsExactly("classInitEnter", "classInitExit");
  }
}
