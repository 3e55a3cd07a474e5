package dev.baton.scheduler;

import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import dev.baton.instrument.Sites;
import dev.baton.runtime.Hooks;
import org.apiguardian.api.API;

/**
 * What framework code that runs inside a schedule (the Lincheck and JCStress bridges' schedule
 * bodies) may ask of Baton, instead of calling the {@link Hooks} that instrumented code calls: the
 * schedule's own random seed, and joins the scheduler sees as steps at a named place.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ScheduleSupport {
  private ScheduleSupport() {}

  /**
   * A seed drawn from the running schedule's seed: the same seed and schedule number give the same
   * value, so what a body generates from it replays with the schedule's token. Outside a schedule,
   * a fresh random value.
   */
  public static long scheduleSeed() {
    return Hooks.randomSeed();
  }

  /** Whether Baton's hooks are installed: an exploration is running in this JVM. */
  public static boolean exploring() {
    return Hooks.installed() != null;
  }

  /**
   * A place where a body waits for the threads it started, as traces and reports name it.
   *
   * @param owner the class shown as the place's owner
   * @param method the method shown
   * @param file the source shown instead of a line
   */
  public static JoinPoint joinPoint(String owner, String method, String file) {
    return new JoinPoint(Sites.register(new Site(owner, method, file, -1, SiteKind.JOIN, null)));
  }

  /** A registered join place; {@link #join} waits there as a scheduling point. */
  public static final class JoinPoint {
    private final int site;

    private JoinPoint(int site) {
      this.site = site;
    }

    /** Waits for {@code thread} to end; under a schedule, a step the scheduler controls. */
    public void join(Thread thread) throws InterruptedException {
      Hooks.join(thread, site);
    }
  }
}
