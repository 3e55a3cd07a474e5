package dev.baton.examples.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Store buffering (Dekker's core): each thread writes its flag, then reads the other's. Every
 * interleaving leaves at least one {@code 1}; {@code 0, 0} needs both loads to overtake the stores
 * before them, a reordering the Java Memory Model allows for plain fields (and x86 does). Baton
 * marks it "memory-model reordering only".
 */
@JCStressTest
@Outcome(id = {"0, 1", "1, 0", "1, 1"}, expect = ACCEPTABLE, desc = "Some interleaving of the two threads.")
@Outcome(id = "0, 0", expect = ACCEPTABLE_INTERESTING, desc = "Both loads overtook the stores: store buffering.")
@State
public class StoreBufferingTest {
  int x;
  int y;

  @Actor
  public void actor1(II_Result r) {
    x = 1;
    r.r1 = y;
  }

  @Actor
  public void actor2(II_Result r) {
    y = 1;
    r.r2 = x;
  }
}
