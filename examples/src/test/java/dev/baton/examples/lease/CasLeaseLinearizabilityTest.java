package dev.baton.examples.lease;

import dev.baton.lincheck.CheckLinearizability;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;

/**
 * The fixed lease is linearizable: Lincheck's model checking and Baton's own scheduler (the
 * default modes) find no history that the lease used one call at a time cannot explain. The class
 * is its own sequential specification, as in Lincheck.
 */
@CheckLinearizability
@Param(name = "owner", gen = IntGen.class, conf = "1:2")
public class CasLeaseLinearizabilityTest {
  private final Lease lease = new CasLease();

  @Operation
  public boolean tryAcquire(@Param(name = "owner") int owner) {
    return lease.tryAcquire(owner);
  }

  @Operation
  public boolean release(@Param(name = "owner") int owner) {
    return lease.release(owner);
  }

  @Operation
  public Integer holder() {
    return lease.holder();
  }
}
