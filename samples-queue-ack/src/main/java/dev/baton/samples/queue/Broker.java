package dev.baton.samples.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory message broker with acknowledgements and redelivery, in the style of AMQP (RabbitMQ):
 * a message delivered to a consumer stays the broker's until that consumer acknowledges it. If the
 * consumer gives it back ({@link Connection#requeue}) or its connection closes (a crash, as far as
 * the broker can tell), the broker delivers it again. Once acknowledged, a message is forgotten:
 * the broker will never deliver it again, whatever happens to the work it stood for.
 *
 * <p>Thread-safe: publishers and any number of connections may use it at once.
 */
public final class Broker {
  /** Messages waiting to be delivered, the next one first. */
  private final Deque<Message> ready = new ArrayDeque<>();

  /** Delivered and not yet acknowledged, in delivery order, with the connection that holds each. */
  private final Map<String, Connection> unacknowledged = new LinkedHashMap<>();

  private final Map<String, Message> unacknowledgedMessages = new HashMap<>();
  private final Map<String, Integer> deliveries = new HashMap<>();
  private final List<String> acknowledged = new ArrayList<>();
  private final Map<String, Connection> acknowledgedBy = new HashMap<>();
  private int published;

  /** Queues a message for delivery and returns its id ({@code m1}, {@code m2}, ...). */
  public synchronized String publish(String body) {
    Message message = new Message("m" + ++published, body);
    ready.addLast(message);
    return message.id();
  }

  /** Opens a connection for a consumer; {@code consumer} names it in messages. */
  public Connection connect(String consumer) {
    return new Connection(this, consumer);
  }

  /** How many messages were published and not acknowledged yet (waiting or being worked on). */
  public synchronized int unfinished() {
    return ready.size() + unacknowledged.size();
  }

  /** The ids of the acknowledged messages, in the order they were acknowledged. */
  public synchronized List<String> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** How many messages were ever published. */
  public synchronized int published() {
    return published;
  }

  // ---- what connections ask for ----------------------------------------------------------------

  /** The next ready message for {@code to}, or null when none is ready or {@code to} is closed. */
  synchronized Delivery deliver(Connection to) {
    if (to.closed) return null;
    Message message = ready.pollFirst();
    if (message == null) return null;
    unacknowledged.put(message.id(), to);
    unacknowledgedMessages.put(message.id(), message);
    return new Delivery(message, deliveries.merge(message.id(), 1, Integer::sum));
  }

  /** Acknowledges {@code id} for {@code from}: false when {@code from} does not hold it (any more). */
  synchronized boolean ack(Connection from, String id) {
    if (unacknowledged.get(id) != from) return false;
    unacknowledged.remove(id);
    unacknowledgedMessages.remove(id);
    acknowledged.add(id);
    acknowledgedBy.put(id, from);
    return true;
  }

  /**
   * Gives {@code id} back to be delivered again, first in line. False when {@code from} had
   * acknowledged it: the broker took that as the final word and has forgotten the message. True
   * otherwise: given back now, or taken back already because {@code from} closed (and perhaps
   * delivered to another consumer since).
   */
  synchronized boolean requeue(Connection from, String id) {
    if (unacknowledged.get(id) != from) return acknowledgedBy.get(id) != from;
    unacknowledged.remove(id);
    ready.addFirst(unacknowledgedMessages.remove(id));
    return true;
  }

  /** {@code connection} closed: everything it held and did not acknowledge is delivered again. */
  synchronized void disconnect(Connection connection) {
    if (connection.closed) return;
    connection.closed = true;
    List<Message> back = new ArrayList<>();
    for (Iterator<Map.Entry<String, Connection>> i = unacknowledged.entrySet().iterator();
        i.hasNext(); ) {
      Map.Entry<String, Connection> held = i.next();
      if (held.getValue() == connection) {
        back.add(unacknowledgedMessages.remove(held.getKey()));
        i.remove();
      }
    }
    // Back in front, in the order they were delivered.
    for (int i = back.size() - 1; i >= 0; i--) ready.addFirst(back.get(i));
  }
}
