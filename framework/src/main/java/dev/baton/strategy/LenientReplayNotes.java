package dev.baton.strategy;

import dev.baton.InterleavingFailure;
import org.apiguardian.api.API;

/** What a lenient replay tells the user: where the token stopped applying and what ran after. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class LenientReplayNotes {
  private LenientReplayNotes() {}

  /** {@code report} of schedule {@code index} (0-based) of a lenient replay, with how it got there. */
  public static InterleavingFailure failed(
      InterleavingFailure report, LenientReplayPolicy policy, int index) {
    if (!policy.diverged()) return report;
    String message = report.getMessage()
        + "\n\nLenient replay (baton.replay.lenient): " + policy.divergence() + ", so from there "
        + report.strategy() + " chose; this failure came in schedule " + (index + 1)
        + " of the lenient replay. The token above replays exactly this schedule.";
    return new InterleavingFailure(message, report.getCause(), report.kind(),
        report.replayToken(), report.strategy(), report.seed(), report.schedule(),
        report.trace());
  }

  /** The note after {@code schedules} lenient schedules passed. */
  public static String passed(LenientReplayPolicy policy, int schedules) {
    return "Lenient replay (baton.replay.lenient): " + policy.divergence()
        + "; the code changed since the token was recorded. " + schedules + " schedule(s) that"
        + " follow the token up to there and then let " + policy.name()
        + " choose all passed.";
  }
}
