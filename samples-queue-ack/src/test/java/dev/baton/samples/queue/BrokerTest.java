package dev.baton.samples.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The broker's contract, one consumer at a time: what the consumers and the scenarios rely on. */
class BrokerTest {

  @Test
  void deliversInOrderAndForgetsWhatIsAcknowledged() {
    Broker broker = new Broker();
    broker.publish("a");
    broker.publish("b");
    Connection connection = broker.connect("consumer");

    Delivery first = connection.poll();
    Delivery second = connection.poll();

    assertThat(first.message()).isEqualTo(new Message("m1", "a"));
    assertThat(second.message()).isEqualTo(new Message("m2", "b"));
    assertThat(connection.poll()).isNull();
    assertThat(connection.ack("m1")).isTrue();
    assertThat(broker.unfinished()).isEqualTo(1);
    assertThat(broker.acknowledged()).containsExactly("m1");
  }

  @Test
  void aMessageGivenBackIsDeliveredAgainFirstAndMarkedAsRedelivered() {
    Broker broker = new Broker();
    broker.publish("a");
    broker.publish("b");
    Connection connection = broker.connect("consumer");
    Delivery first = connection.poll();

    assertThat(connection.requeue(first.id())).isTrue();
    Delivery again = connection.poll();

    assertThat(first.redelivered()).isFalse();
    assertThat(again.id()).isEqualTo("m1");
    assertThat(again.deliveryCount()).isEqualTo(2);
    assertThat(again.redelivered()).isTrue();
  }

  @Test
  void anAcknowledgedMessageCannotBeGivenBack() {
    Broker broker = new Broker();
    broker.publish("a");
    Connection connection = broker.connect("consumer");
    connection.ack(connection.poll().id());

    assertThat(connection.requeue("m1")).isFalse();
    assertThat(connection.poll()).isNull();
    assertThat(broker.unfinished()).isZero();
  }

  @Test
  void closingAConnectionRedeliversWhatItHeldUnacknowledgedInDeliveryOrder() {
    Broker broker = new Broker();
    broker.publish("a");
    broker.publish("b");
    broker.publish("c");
    Connection crashed = broker.connect("consumer-1");
    crashed.poll();
    crashed.poll();
    crashed.ack("m1");

    crashed.close();
    Connection successor = broker.connect("consumer-2");

    assertThat(crashed.poll()).as("a closed connection receives nothing").isNull();
    assertThat(crashed.ack("m2")).as("nor acknowledges").isFalse();
    assertThat(crashed.requeue("m2")).as("but m2 will be delivered again").isTrue();
    Delivery redelivered = successor.poll();
    assertThat(redelivered.id()).isEqualTo("m2");
    assertThat(redelivered.redelivered()).isTrue();
    assertThat(successor.poll().id()).isEqualTo("m3");
    assertThat(successor.poll()).isNull();
  }

  @Test
  void aMessageAcknowledgedByAnotherConsumerAfterARedeliveryIsNotCountedAsLostByTheFirst() {
    Broker broker = new Broker();
    broker.publish("a");
    Connection lost = broker.connect("consumer-1");
    lost.poll();
    lost.close();
    Connection successor = broker.connect("consumer-2");
    successor.ack(successor.poll().id());

    assertThat(lost.requeue("m1")).as("not acknowledged by consumer-1: not lost by it").isTrue();
    assertThat(broker.unfinished()).isZero();
  }
}
