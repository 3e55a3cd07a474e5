package dev.baton.instrument;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The method each call site into the JDK names ({@code name + descriptor}), by site id: the
 * scheduler needs it to find the method a call dispatches to (see {@link JdkSynchronizedMethods}).
 * Written when a class is instrumented, read on calls; ids are dense, so an array serves.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CallTargets {
  private static final Object LOCK = new Object();
  private static volatile String[] targets = new String[1024];

  private CallTargets() {}

  static void record(int site, String nameDesc) {
    synchronized (LOCK) {
      String[] current = targets;
      if (site >= current.length) {
        current = Arrays.copyOf(current, Math.max(site + 1, current.length * 2));
      }
      current[site] = nameDesc;
      targets = current;
    }
  }

  /** The {@code name + descriptor} called at {@code site}, or null when it is not a JDK call. */
  public static String of(int site) {
    String[] current = targets;
    return site >= 0 && site < current.length ? current[site] : null;
  }
}
