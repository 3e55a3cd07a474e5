package dev.baton.examples.lease;

import java.util.concurrent.atomic.AtomicReference;

/** The fix: taking and giving back the lease are each one compare-and-set. */
public final class CasLease implements Lease {
  private final AtomicReference<Integer> holder = new AtomicReference<>();

  @Override
  public boolean tryAcquire(int owner) {
    return holder.compareAndSet(null, owner);
  }

  @Override
  public boolean release(int owner) {
    Integer current = holder.get();
    return current != null && current == owner && holder.compareAndSet(current, null);
  }

  @Override
  public Integer holder() {
    return holder.get();
  }
}
