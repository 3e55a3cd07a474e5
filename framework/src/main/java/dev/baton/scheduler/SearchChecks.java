package dev.baton.scheduler;

/** Validates {@link SearchSettings}, with messages that name the setting and the fix. */
final class SearchChecks {
  private SearchChecks() {}

  static void check(ExplorationSettings s) {
    SearchSettings search = s.search();
    if (search == null) {
      throw new IllegalArgumentException("no search settings for " + s.scenarioId());
    }
    if (search.maxPreemptions() < 0) {
      throw new IllegalArgumentException(
          "maxPreemptions = " + search.maxPreemptions() + " for " + s.scenarioId()
              + ": it must be 0 (no preemption at all) or more; 2 is the default");
    }
    if (search.shrinkAttempts() < 0) {
      throw new IllegalArgumentException(
          "shrink attempts = " + search.shrinkAttempts() + " for " + s.scenarioId()
              + ": it must be 0 (do not shrink) or more (baton.shrink.attempts)");
    }
    if (search.shrinkMillis() < 0) {
      throw new IllegalArgumentException(
          "shrink time = " + search.shrinkMillis() + " ms for " + s.scenarioId()
              + ": it must be 0 or more (baton.shrink.seconds)");
    }
  }
}
