package dev.baton.scheduler;

import dev.baton.config.ConfigKey;
import dev.baton.config.Defaults;
import org.apiguardian.api.API;

/**
 * Settings of the exhaustive search, of failure shrinking and of lenient replay. Build them with
 * {@link #builder()}, whose setters check their values.
 *
 * @param maxPreemptions {@link dev.baton.Strategy#EXHAUSTIVE}'s last round: schedules with at most
 *     this many preemptions; at least 0
 * @param reduction whether the exhaustive search skips schedules that only reorder independent
 *     steps (partial-order reduction); off only to compare or to debug Baton itself
 * @param lenientReplay true: a replay follows the token's choices while they apply and, from the
 *     first one that does not, lets the token's strategy choose (up to the schedule budget)
 *     instead of failing or completing one fixed way
 * @param shrinkAttempts how many schedules Baton may run to shorten a failing schedule before
 *     reporting it; 0 turns shrinking off
 * @param shrinkMillis wall-clock time shrinking may take, checked between schedules
 * @param failOnBudget true: an exploration that the time budget stopped before its schedule budget
 *     fails instead of passing with a note (for CI jobs that must not pass a partial search)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record SearchSettings(
    int maxPreemptions,
    boolean reduction,
    boolean lenientReplay,
    int shrinkAttempts,
    long shrinkMillis,
    boolean failOnBudget) {

  /** The defaults of {@link Defaults}, as documented on {@link dev.baton.ExploreInterleavings}. */
  public static final SearchSettings DEFAULTS = new Builder().build();

  /** A builder with every setting at its default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** These settings with {@link #maxPreemptions} replaced. */
  public SearchSettings withMaxPreemptions(int value) {
    return toBuilder().maxPreemptions(value).build();
  }

  /** These settings with {@link #lenientReplay} replaced. */
  public SearchSettings withLenientReplay(boolean value) {
    return toBuilder().lenientReplay(value).build();
  }

  /** Builds {@link SearchSettings}; each setter rejects a bad value, naming its key. */
  public static final class Builder {
    private int maxPreemptions = Defaults.MAX_PREEMPTIONS;
    private boolean reduction = Defaults.REDUCTION;
    private boolean lenientReplay = Defaults.LENIENT_REPLAY;
    private int shrinkAttempts = Defaults.SHRINK_ATTEMPTS;
    private long shrinkMillis = Defaults.SHRINK_MILLIS;
    private boolean failOnBudget = Defaults.FAIL_ON_BUDGET;

    private Builder() {}

    private Builder(SearchSettings s) {
      maxPreemptions = s.maxPreemptions;
      reduction = s.reduction;
      lenientReplay = s.lenientReplay;
      shrinkAttempts = s.shrinkAttempts;
      shrinkMillis = s.shrinkMillis;
      failOnBudget = s.failOnBudget;
    }

    /** See {@link SearchSettings#maxPreemptions()}. */
    public Builder maxPreemptions(int maxPreemptions) {
      this.maxPreemptions = (int) SettingChecks.atLeast("maxPreemptions", maxPreemptions, 0,
          ConfigKey.MAX_PREEMPTIONS, "0 (no preemption at all) or more; "
              + Defaults.MAX_PREEMPTIONS + " is the default");
      return this;
    }

    /** See {@link SearchSettings#reduction()}. */
    public Builder reduction(boolean reduction) {
      this.reduction = reduction;
      return this;
    }

    /** See {@link SearchSettings#lenientReplay()}. */
    public Builder lenientReplay(boolean lenientReplay) {
      this.lenientReplay = lenientReplay;
      return this;
    }

    /** See {@link SearchSettings#shrinkAttempts()}. */
    public Builder shrinkAttempts(int shrinkAttempts) {
      this.shrinkAttempts = (int) SettingChecks.atLeast("shrink attempts", shrinkAttempts, 0,
          ConfigKey.SHRINK_ATTEMPTS, "0 (do not shrink) or more");
      return this;
    }

    /** See {@link SearchSettings#shrinkMillis()}. */
    public Builder shrinkMillis(long shrinkMillis) {
      this.shrinkMillis = SettingChecks.atLeast(
          "shrink time", shrinkMillis, 0, ConfigKey.SHRINK_SECONDS, "0 or more");
      return this;
    }

    /** See {@link SearchSettings#failOnBudget()}. */
    public Builder failOnBudget(boolean failOnBudget) {
      this.failOnBudget = failOnBudget;
      return this;
    }

    /** The settings. */
    public SearchSettings build() {
      return new SearchSettings(
          maxPreemptions, reduction, lenientReplay, shrinkAttempts, shrinkMillis, failOnBudget);
    }
  }
}
