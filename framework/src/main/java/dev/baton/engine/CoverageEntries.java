package dev.baton.engine;

import dev.baton.ExplorationCoverage;
import java.util.Locale;
import java.util.Map;

/** The report entries that say what a clean exploration covered (see {@link ExplorationCoverage}). */
final class CoverageEntries {
  private CoverageEntries() {}

  static void add(Map<String, String> entry, ExplorationCoverage coverage) {
    if (coverage == null || coverage.schedules() == 0) return;
    entry.put("baton.coverage.distinctSchedules", String.valueOf(coverage.distinctSchedules()));
    entry.put("baton.coverage.steps", String.valueOf(coverage.steps()));
    entry.put("baton.coverage.longestSchedule", String.valueOf(coverage.longestSchedule()));
    entry.put("baton.coverage.switches", String.valueOf(coverage.switches()));
    entry.put("baton.coverage.threads", String.valueOf(coverage.threads()));
    entry.put("baton.coverage.sites", String.valueOf(coverage.sites()));
    entry.put("baton.coverage.fingerprint", Long.toHexString(coverage.fingerprint()));
    if (coverage.pctDepth() > 0) {
      entry.put("baton.pct.depth", String.valueOf(coverage.pctDepth()));
      entry.put("baton.pct.steps", String.valueOf(coverage.pctSteps()));
      entry.put("baton.pct.missBound",
          String.format(Locale.ROOT, "%.6g", coverage.pctMissBound()));
    }
  }
}
