package dev.baton.examples.errorreporter;

/** The remote error-tracking service that an error reporter sends reports to. */
public interface ErrorService {

  /**
   * Sends one report.
   *
   * @return true when the service took it; false when it throttled the request (HTTP 429: the
   *     project is sending too many errors) and the report should be sent again later
   */
  boolean send(String report);
}
