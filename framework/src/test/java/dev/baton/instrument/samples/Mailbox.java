package dev.baton.instrument.samples;

import java.util.ArrayList;
import java.util.List;

/** A one-slot mailbox built on wait/notify. */
public class Mailbox {
  private String message;

  public synchronized void put(String m) {
    message = m;
    notifyAll(); //@put-notify
  }

  public synchronized String take() throws InterruptedException {
    while (message == null) {
      wait(); //@take-wait
    }
    String m = message;
    message = null;
    return m;
  }

  public synchronized void nudge() {
    notify(); //@nudge
  }

  public synchronized void timedWaits() throws InterruptedException {
    wait(1); //@wait-millis
    wait(1, 1); //@wait-nanos
  }

  /** wait/notify on a receiver whose static type is an interface. */
  public static void onInterface() throws InterruptedException {
    List<String> lock = new ArrayList<>();
    synchronized (lock) {
      lock.notify(); //@itf-notify
      lock.wait(1); //@itf-wait
    }
  }
}
