package dev.baton.samples.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work the messages stand for, done by the workers: it records how many times each message's
 * work was done, so that a test can tell a lost message (never done) from a duplicate (done twice).
 */
final class WorkLog {
  private final Map<String, Integer> timesDone = new HashMap<>();
  private final List<String> order = new ArrayList<>();

  /** Does the work of {@code message}. */
  synchronized void process(Message message) {
    timesDone.merge(message.id(), 1, Integer::sum);
    order.add(message.id());
  }

  /** How many times the work of message {@code id} was done. */
  synchronized int timesDone(String id) {
    return timesDone.getOrDefault(id, 0);
  }

  /** Every piece of work done, in order, by message id. */
  synchronized List<String> done() {
    return List.copyOf(order);
  }
}
