package dev.baton.report;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Everything the HTML report of one failing schedule shows, in plain strings: built by the
 * scheduler's failure report from its recorded trace, rendered by {@link HtmlTimeline}.
 *
 * @param scenarioId the test ({@code com.acme.TransferTest#charges})
 * @param headline what failed, one line
 * @param found how it was found ({@code Baton found it in schedule 6 of 1000 (strategy ...)})
 * @param details the report's details (what each blocked thread waits for, stacks), or empty
 * @param threads the threads' names, in the order they were started: one lane each
 * @param steps the steps in execution order
 * @param switches per step, how the baton left its thread right after it
 * @param atEnd what each thread still blocked at the end waits for
 * @param token the replay token
 * @param replayCommand the command line that replays it ({@code mvn test ... -Dbaton.replay=...})
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record FailureTimeline(
    String scenarioId,
    String headline,
    String found,
    String details,
    List<String> threads,
    List<Step> steps,
    List<Switch> switches,
    List<Blocked> atEnd,
    String token,
    String replayCommand) {

  /** How the baton left a thread after a step. */
  public enum Switch {
    /** It did not: the same thread goes on. */
    NONE,
    /** The thread could have gone on, but the strategy picked another: a preemption. */
    PREEMPTED,
    /** The thread blocked or ended. */
    BLOCKED,
    /** The thread gave way on purpose (sleep, yield, a spin wait). */
    YIELDED
  }

  /**
   * A thread blocked when the schedule ended.
   *
   * @param thread its name
   * @param waitsFor what it waits for, as the text report says it ({@code waits for
   *     ReentrantLock#1 held by bob})
   * @param holder the thread holding what it waits for, or null
   * @param location where it waits
   */
  public record Blocked(String thread, String waitsFor, String holder, String location) {}
}
