package dev.baton.jcstress;

import java.util.List;

/**
 * What JCStress reported for one test, merged over its JVM configurations, in plain types.
 *
 * @param name the test's class name
 * @param status JCStress's status ({@code NORMAL}, {@code TEST_ERROR}, {@code TIMEOUT_ERROR}, ...)
 * @param passed JCStress's verdict: normal status and no forbidden or unknown outcome seen
 * @param rows the outcomes seen, graded
 * @param configurations the JVM options of each configuration that ran the test
 * @param failures JCStress's own failure lines
 * @param messages errors the test or its JVM printed
 */
record ObservedTest(
    String name,
    String status,
    boolean passed,
    List<Row> rows,
    List<String> configurations,
    List<String> failures,
    List<String> messages) {

  /** One outcome: JCStress's result string, how often it was seen, and how the test grades it. */
  record Row(String outcome, long samples, Grade grade) {}

  /**
   * How a test grades an outcome.
   *
   * @param expect JCStress's word: Acceptable, Interesting, Forbidden or Unknown
   * @param forbidden whether seeing it fails the test (forbidden or unknown)
   * @param interesting whether it is acceptable but interesting
   * @param description the outcome's description
   */
  record Grade(String expect, boolean forbidden, boolean interesting, String description) {}
}
