package dev.baton.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * The same publication through a plain field: the Java Memory Model lets a reader see the holder
 * before the constructor's write ({@code 0}), though no interleaving of the two threads can, and
 * x86 hardware rarely shows it. Baton tells which it is: "memory-model reordering only".
 */
@JCStressTest
@Outcome(id = "-1", expect = ACCEPTABLE, desc = "Not published yet.")
@Outcome(id = "42", expect = ACCEPTABLE, desc = "Published and fully constructed.")
@Outcome(id = "0", expect = ACCEPTABLE_INTERESTING, desc = "Published, but the constructor's write is not visible: a data race.")
@State
public class UnsafePublicationTest {
  Holder holder;

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
