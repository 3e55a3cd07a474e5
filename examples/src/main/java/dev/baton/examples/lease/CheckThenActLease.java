package dev.baton.examples.lease;

/**
 * The bug: {@code tryAcquire} checks that nobody holds the lease, then takes it. Two callers can
 * both see it free and both believe they hold it. The field is volatile, so each read and write
 * is atomic and visible, which is why this passes review.
 */
public final class CheckThenActLease implements Lease {
  private volatile Integer holder;

  @Override
  public boolean tryAcquire(int owner) {
    if (holder != null) return false;
    holder = owner;
    return true;
  }

  @Override
  public boolean release(int owner) {
    Integer current = holder;
    if (current == null || current != owner) return false;
    holder = null;
    return true;
  }

  @Override
  public Integer holder() {
    return holder;
  }
}
