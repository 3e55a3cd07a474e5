package dev.baton.jcstress.nested;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * A lost update in a nested JCStress test, the way JCStress's own samples are written. A package of
 * its own: the discovery tests expect the fixtures package to hold exactly their fixtures.
 */
public class NestedRacyFixture {
  private NestedRacyFixture() {}

  /** {@code 1} is forbidden, and an interleaving produces it. */
  @JCStressTest
  @Outcome(id = "2", expect = ACCEPTABLE, desc = "Both increments counted.")
  @Outcome(id = "1", expect = FORBIDDEN, desc = "Lost update.")
  @State
  public static class LostUpdate {
    int value;

    @Actor
    public void actor1() {
      value++;
    }

    @Actor
    public void actor2() {
      value++;
    }

    @Arbiter
    public void arbiter(I_Result r) {
      r.r1 = value;
    }
  }
}
