package dev.baton.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Publication through a {@code volatile} field: a reader that sees the holder sees its constructor's
 * write, so {@code 0} is forbidden and never observed.
 */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "Not published yet.")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "Published and fully constructed.")
@Outcome(id = "0", expect = FORBIDDEN, desc = "Published, but the constructor's write is not visible.")
@State
public class SafePublicationTest {
  volatile Holder holder;

  @Actor
  public void publish() {
    holder = new Holder(42);
  }

  @Actor
  public void read(I_Result r) {
    Holder h = holder;
    r.r1 = h == null ? -1 : h.value;
  }

  static class Holder {
    int value;

    Holder(int value) {
      this.value = value;
    }
  }
}
