package dev.baton.scheduler;

import dev.baton.ExplorationResult;
import dev.baton.Strategy;

/** What a sharded exploration ({@code baton.shard}) tells the user about its share. */
final class ShardNotes {
  private ShardNotes() {}

  /** The result of a shard other than the first for an exploration that is not split. */
  static ExplorationResult notInThisShard(ShardPlan shard, Strategy strategy, boolean replaying) {
    String what = replaying ? "A replay is one schedule" : "EXHAUSTIVE enumerates schedules that"
        + " each depend on all earlier ones";
    return new ExplorationResult(0, strategy, 0, false,
        "Shard " + shard + " ran no schedule: " + what + ", so shard 1/" + shard.count()
            + " runs it whole.");
  }

  /** {@code note} with the share of the schedules this shard ran, when the run is sharded. */
  static String withShard(String note, ShardPlan shard, boolean unsplit, int budget) {
    if (!shard.split()) return note;
    String share = unsplit
        ? "Shard " + shard + " ran this exploration whole (it cannot be split)."
        : "Shard " + shard + " owns " + shard.share(budget) + " of the " + budget
            + " schedules (numbers " + shard.index() + ", " + (shard.index() + shard.count())
            + ", " + (shard.index() + 2 * shard.count()) + " ...).";
    return note == null || note.isEmpty() ? share : share + " " + note;
  }
}
