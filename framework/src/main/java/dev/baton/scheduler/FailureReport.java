package dev.baton.scheduler;

import dev.baton.InterleavingFailure;
import dev.baton.Strategy;
import dev.baton.instrument.Site;
import dev.baton.instrument.SiteKind;
import dev.baton.instrument.Sites;
import dev.baton.report.FailureTimeline;
import dev.baton.report.ObjectNames;
import dev.baton.report.ReportFiles;
import dev.baton.report.Step;
import dev.baton.report.TraceFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a failed schedule into the report users read: what failed, how, and how to replay it. */
final class FailureReport {
  private final ObjectNames names = new ObjectNames();
  private final ManagedThread[] threads;

  private FailureReport(ManagedThread[] threads) {
    this.threads = threads;
  }

  static InterleavingFailure build(
      Failure failure,
      Scheduler scheduler,
      ExplorationSettings settings,
      Strategy strategy,
      long seed,
      int schedule,
      boolean replayed,
      String token) {
    FailureReport r = new FailureReport(scheduler.threads());
    String details = r.details(failure);
    List<Step> steps = r.steps(scheduler.trace);
    String trace = TraceFormatter.format(steps);
    String folded = TraceFormatter.fold(steps);
    StringBuilder m = new StringBuilder();
    m.append(failure.headline()).append('\n');
    String found = replayed
        ? "Baton replayed schedule " + schedule + " (strategy " + strategy + ", seed " + seed
            + ") from its token."
        : "Baton found it in schedule " + schedule + " of " + settings.schedules() + " (strategy "
            + strategy + ", seed " + seed + ").";
    m.append(found).append('\n');
    if (!details.isEmpty()) m.append('\n').append(details);
    m.append("\nInterleaving (").append(scheduler.trace.size).append(" steps, ")
        .append(r.threads.length).append(r.threads.length == 1 ? " thread" : " threads")
        .append("; -> marks a switch").append(folded.length() < trace.length() ? "; folded" : "")
        .append(scheduler.trace.dropped() == 0 ? "" : String.format(java.util.Locale.ROOT,
            "; steps %,d to %,d not kept", Trace.HEAD + 1, Trace.HEAD + scheduler.trace.dropped()))
        .append("):\n").append(folded);
    m.append("\nReplay this schedule:\n  ");
    // One command per line of the hint (Gradle's and Maven's under Gradle); the first is the one
    // the report files offer.
    String hint = settings.replayHint() == null ? "" : settings.replayHint();
    String replayCommand = null;
    for (String command : hint.split("\n")) {
      String line = (command.isBlank() ? "" : command + " ") + "-Dbaton.replay=" + token;
      if (replayCommand == null) replayCommand = line;
      else m.append("  ");
      m.append(line).append('\n');
    }
    if (settings.annotated()) {
      m.append("or keep it as a regression test: @ExploreInterleavings(replay = \"")
          .append(token).append("\")");
    } else {
      m.append("or replay it from code: Interleavings.configure().replay(\"")
          .append(token).append("\")");
    }
    // The HTML timeline and the whole trace go to files; the message links them.
    m.append('\n').append(r.writeFiles(failure, scheduler, settings, steps, details, found, token,
        replayCommand).messageLines().stripTrailing());
    return new InterleavingFailure(
        m.toString(), failure.cause(), failure.kind(), token, strategy, seed, schedule, trace);
  }

  private String details(Failure f) {
    StringBuilder b = new StringBuilder();
    for (Failure.BlockedThread t : f.blocked()) {
      b.append("  ").append(t.thread().displayName()).append(' ').append(waitText(t))
          .append(", at ").append(Scheduler.location(t.site())).append(inCall(t.site()))
          .append('\n');
    }
    List<ManagedThread> cycle = Deadlocks.findCycle(f.blocked());
    if (cycle != null) {
      b.append("  cycle: ");
      for (ManagedThread t : cycle) b.append(t.displayName()).append(" -> ");
      b.append(cycle.get(0).displayName()).append('\n');
    }
    for (Failure.BlockedThread t : f.blocked()) {
      if (t.stack().length == 0) continue;
      b.append("\n  ").append(t.thread().displayName()).append(" is blocked here:\n")
          .append(Stacks.format(t.stack(), "      "));
    }
    if (!f.details().isEmpty()) b.append(f.details());
    return b.toString();
  }

  private String waitText(Failure.BlockedThread t) {
    String holder = t.holder() == null ? "" : " held by " + t.holder().displayName();
    switch (t.waitKind()) {
      case MONITOR:
        return "waits to lock " + names.of(t.target()) + holder;
      case WAIT:
        // A holder is named only when its wait ended and it needs the monitor back.
        return t.holder() == null
            ? "waits in wait() on " + names.of(t.target()) + " for a notify that never comes"
            : "waits to re-enter " + names.of(t.target()) + holder + " after its wait() ended";
      case JOIN:
        return "waits to join " + ((ManagedThread) t.target()).displayName();
      case SLEEP:
        return "sleeps";
      case PARK:
        return t.target() == null
            ? "is parked (LockSupport.park) and nobody unparks it"
            : "waits for " + names.of(t.target()) + holder;
      default:
        return "is runnable";
    }
  }

  /** The HTML timeline and the full text trace, written under the report directory. */
  private ReportFiles.Written writeFiles(Failure failure, Scheduler scheduler,
      ExplorationSettings settings, List<Step> steps, String details, String found, String token,
      String replayCommand) {
    Trace trace = scheduler.trace;
    List<String> threadNames = new ArrayList<>();
    for (ManagedThread t : threads) threadNames.add(t.displayName());
    List<FailureTimeline.Switch> switches = new ArrayList<>(steps.size());
    for (int k = 0; k < trace.kept(); k++) {
      if (k == Trace.HEAD && trace.dropped() > 0) switches.add(FailureTimeline.Switch.NONE);
      switches.add(FailureTimeline.Switch.values()[trace.switches[trace.at(k)]]);
    }
    List<FailureTimeline.Blocked> atEnd = new ArrayList<>();
    for (Failure.BlockedThread t : failure.blocked()) {
      atEnd.add(new FailureTimeline.Blocked(t.thread().displayName(), waitText(t),
          t.holder() == null ? null : t.holder().displayName(), Scheduler.location(t.site())));
    }
    FailureTimeline timeline = new FailureTimeline(settings.scenarioId(), failure.headline(),
        found, details, threadNames, steps, switches, atEnd, token, replayCommand);
    try {
      return ReportFiles.write(settings.report().directory(), timeline,
          TraceFormatter.formatAll(steps));
    } catch (RuntimeException e) {
      return new ReportFiles.Written(null, null, e.getMessage());
    }
  }

  /**
   * The kept steps as the report shows them; in a long schedule, one note step stands for the
   * steps dropped between the head and the tail.
   */
  private List<Step> steps(Trace trace) {
    List<Step> steps = new ArrayList<>(trace.kept() + 1);
    for (int k = 0; k < trace.kept(); k++) {
      int i = trace.at(k);
      String thread = threads[trace.threads[i]].displayName();
      if (k == Trace.HEAD && trace.dropped() > 0) steps.add(dropped(trace, thread));
      Site site = Sites.get(trace.sites[i]);
      String location = site == null ? "" : site.location();
      steps.add(new Step(thread, action(trace.kinds[i], site, trace.objects[i]), location));
    }
    return steps;
  }

  /** The note for the steps a long schedule did not keep, shown on the lane of the next step. */
  private static Step dropped(Trace trace, String thread) {
    return new Step(thread, String.format(java.util.Locale.ROOT,
        "(steps %,d to %,d not kept: a long schedule keeps its first %,d and last %,d steps;"
            + " the numbers from here count kept steps)",
        Trace.HEAD + 1, Trace.HEAD + trace.dropped(), Trace.HEAD, Trace.TAIL), "");
  }

  private String action(int kind, Site site, Object object) {
    switch (kind) {
      case Trace.START:
        return "start " + ((ManagedThread) object).displayName();
      case Trace.END:
        return "end";
      case Trace.PARK:
        return object == null ? "park" : "park on " + names.of(object);
      case Trace.UNPARK:
        return "unpark " + ((ManagedThread) object).displayName();
      case Trace.TIMEOUT:
        return "timed out";
      case Trace.PAUSE:
        return "timed out (the others paused " + pause((Long) object) + ")";
      case Trace.SPURIOUS:
        return "woke up spuriously";

      default:
        break;
    }
    if (site == null) return "step";
    if (site.kind() == SiteKind.SLEEP && object instanceof Long nanos) {
      return nanos < 0 ? "sleep forever" : nanos == 0 ? "sleep 0" : "sleep " + pause(nanos);
    }
    if (object instanceof ManagedThread t) return site.kind().verb() + " " + t.displayName();
    if (object != null && object.getClass().isArray()) {
      return site.kind().verb() + " " + object.getClass().getComponentType().getSimpleName() + "[]";
    }
    if (object != null && isMonitorKind(site.kind())) return site.kind().verb() + " " + names.of(object);
    return site.action();
  }

  private static final Set<SiteKind> MONITOR_KINDS =
      new HashSet<>(List.of(SiteKind.MONITOR_ENTER, SiteKind.MONITOR_EXIT, SiteKind.WAIT,
          SiteKind.NOTIFY, SiteKind.NOTIFY_ALL));

  private static boolean isMonitorKind(SiteKind kind) {
    return MONITOR_KINDS.contains(kind);
  }

  /** A pause of virtual time, in the unit that reads best. */
  private static String pause(long nanos) {
    if (nanos >= 1_000_000 && nanos % 1_000_000 == 0) return nanos / 1_000_000 + " ms";
    if (nanos >= 1_000_000) return String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6);
    return nanos / 1_000 + " µs";
  }

  /** ", in BlockingQueue.put" when the thread waits inside a JDK call it made at {@code site}. */
  private static String inCall(int site) {
    Site s = Sites.get(site);
    return s != null && s.kind() == SiteKind.CALL ? ", in " + s.detail() : "";
  }
}
