package dev.baton.examples.sessions;

/**
 * {@link MoveToFrontSessionRegistry} fixed: a lookup that moves an entry writes the list, so it
 * takes the same lock as {@link #add}. One request at a time always leaves a proper list.
 */
public final class SynchronizedSessionRegistry {

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
  public synchronized String userOf(String sessionId) {
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
