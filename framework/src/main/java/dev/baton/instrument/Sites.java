package dev.baton.instrument;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The registry of instrumented instructions. The instrumenter registers each site once, when it
 * rewrites a class, and bakes the returned id into the bytecode as a constant; the scheduler looks
 * ids up only when it prints a report, so the hot path carries a plain {@code int}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Sites {
  private static final Object LOCK = new Object();
  private static volatile Site[] sites = new Site[1024];
  private static int size;

  private Sites() {}

  /** Registers a site and returns its id, a non-negative {@code int}. */
  public static int register(Site site) {
    synchronized (LOCK) {
      if (size == sites.length) {
        sites = Arrays.copyOf(sites, size * 2);
      }
      sites[size] = site;
      return size++;
    }
  }

  /** The site registered under {@code id}, or {@code null} for a negative (JDK code) or bad id. */
  public static Site get(int id) {
    Site[] current = sites;
    return id >= 0 && id < current.length ? current[id] : null;
  }
}
