package dev.baton.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Two threads increment a plain {@code int}: {@code value++} is a read, an add and a write, so one
 * increment can overwrite the other. JCStress sees {@code 1} when the hardware happens to
 * interleave them; Baton reaches it by interleaving alone and replays it. Named {@code *Demo}
 * because it fails, as it should: {@code mvn test -Dtest=RacyIncrementDemo}.
 */
@JCStressTest
@Outcome(id = "2", expect = ACCEPTABLE, desc = "Both increments counted.")
@Outcome(id = "1", expect = FORBIDDEN, desc = "Lost update: one increment overwrote the other.")
@State
public class RacyIncrementDemo {
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
