package dev.baton.examples.lease;

import dev.baton.lincheck.CheckLinearizability;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.IntGen;

/**
 * The broken lease under the same spec: both modes fail, Lincheck with its table, Baton with the
 * history, the interleaving and a replay token. Named {@code ...Demo}, so the build skips it; run
 * it with {@code mvn test -Dtest=CheckThenActLeaseDemo}. {@link CheckThenActLeaseTest} asserts
 * what it reports.
 */
@CheckLinearizability
@Param(name = "owner", gen = IntGen.class, conf = "1:2")
public class CheckThenActLeaseDemo {
  private final Lease lease = new CheckThenActLease();

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
