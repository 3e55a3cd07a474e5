package dev.baton.examples.errorreporter;

import java.util.ArrayList;
import java.util.List;

/** A stand-in for the error-tracking service: throttles its first requests, then takes every report. */
final class ThrottlingErrorService implements ErrorService {
  private int requestsToThrottle;
  private final List<String> received = new ArrayList<>();

  /** A service that answers the first {@code requestsToThrottle} requests with "429, slow down". */
  ThrottlingErrorService(int requestsToThrottle) {
    this.requestsToThrottle = requestsToThrottle;
  }

  @Override
  public synchronized boolean send(String report) {
    if (requestsToThrottle > 0) {
      requestsToThrottle--;
      return false;
    }
    received.add(report);
    return true;
  }

  /** The reports the service took, in the order it took them. */
  synchronized List<String> received() {
    return List.copyOf(received);
  }
}
