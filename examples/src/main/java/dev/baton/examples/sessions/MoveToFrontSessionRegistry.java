package dev.baton.examples.sessions;

/**
 * The sessions of logged-in users, in a linked list that keeps the most recently used session
 * first, so that the users who are active right now are found after a step or two. This is the
 * shape of incidents 001 and 002 ({@code shared/seeds/001_614e85bd204c0173.txt}, {@code
 * 002_4e0bb856184cef48.txt}): a service stuck for good in an endless loop in its session handling,
 * with nothing in the logs.
 *
 * <p>The bug: {@link #userOf} moves the session it found to the front of the list without a lock,
 * since it "only reads". Two requests that move sessions at the same time can link the list into a
 * cycle: one unlinks its session while the other, still holding the neighbour it found before,
 * links its own session back in ahead of the front. From then on every lookup of a session that is
 * not in the list (an expired cookie, a forged one) walks the cycle for ever, at full CPU, holding
 * its request thread. One request at a time always leaves a proper list; it takes one interleaving
 * of two requests to break it. {@link SynchronizedSessionRegistry} is the fix.
 */
public final class MoveToFrontSessionRegistry {

  private static final class Entry {
    final String sessionId;
    final String user;
    Entry next;

    Entry(String sessionId, String user, Entry next) {
      this.sessionId = sessionId;
      this.user = user;
      this.next = next;
    }
  }

  private Entry head;

  /** Adds a session at login. */
  public synchronized void add(String sessionId, String user) {
    head = new Entry(sessionId, user, head);
  }

  /** The user a session belongs to, or null when there is no such session. */
  public String userOf(String sessionId) {
    Entry previous = null;
    for (Entry entry = head; entry != null; previous = entry, entry = entry.next) {
      if (entry.sessionId.equals(sessionId)) {
        if (previous != null) { // move it to the front: it is likely to be asked for again soon
          previous.next = entry.next;
          entry.next = head;
          head = entry;
        }
        return entry.user;
      }
    }
    return null;
  }
}
