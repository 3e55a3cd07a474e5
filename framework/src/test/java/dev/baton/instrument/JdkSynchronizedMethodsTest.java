package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.util.Observable;
import java.util.Stack;
import java.util.Vector;
import org.junit.jupiter.api.Test;

/** Which JDK methods hold their receiver's monitor, found from the JDK's class files. */
class JdkSynchronizedMethodsTest {

  /** A user subclass overriding one synchronized method: its own code decides there. */
  static final class OwnVector extends Vector<Object> {
    @Override
    public int size() {
      return 0;
    }
  }

  @Test
  void synchronizedJdkMethodsLockTheirReceiver() {
    assertThat(JdkSynchronizedMethods.locksReceiver(Vector.class, "size()I")).isTrue();
    assertThat(JdkSynchronizedMethods.locksReceiver(StringBuffer.class,
        "append(Ljava/lang/String;)Ljava/lang/StringBuffer;")).isTrue();
    assertThat(JdkSynchronizedMethods.locksReceiver(Observable.class,
        "deleteObserver(Ljava/util/Observer;)V")).isTrue();
  }

  @Test
  void aMethodCallingASynchronizedMethodOfItsOwnClassLocksToo() {
    // Vector.add(int, E) calls the synchronized insertElementAt.
    assertThat(JdkSynchronizedMethods.locksReceiver(Vector.class, "add(ILjava/lang/Object;)V"))
        .isTrue();
  }

  @Test
  void inheritedJdkMethodsAreResolvedThroughTheSuperclasses() {
    assertThat(JdkSynchronizedMethods.locksReceiver(Stack.class, "size()I")).isTrue();
    assertThat(JdkSynchronizedMethods.locksReceiver(OwnVector.class, "isEmpty()Z")).isTrue();
  }

  @Test
  void userOverridesAndUnsynchronizedMethodsDoNotLock() {
    assertThat(JdkSynchronizedMethods.locksReceiver(OwnVector.class, "size()I")).isFalse();
    assertThat(JdkSynchronizedMethods.locksReceiver(Vector.class, "spliterator()Ljava/util/Spliterator;"))
        .isFalse();
    assertThat(JdkSynchronizedMethods.locksReceiver(Observable.class, "notifyObservers()V"))
        .as("notifyObservers locks in a block (rewritten by the agent), not for the whole call")
        .isFalse();
  }

  @Test
  void methodsThatWaitAndThreadMethodsAreLeftOut() {
    assertThat(JdkSynchronizedMethods.locksReceiver(PipedInputStream.class, "read()I")).isFalse();
    assertThat(JdkSynchronizedMethods.locksReceiver(Thread.class, "start()V")).isFalse();
    assertThat(JdkSynchronizedMethods.locksReceiver(Exception.class, "getCause()Ljava/lang/Throwable;"))
        .isFalse();
  }
}
