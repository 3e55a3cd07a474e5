package dev.baton.instrument;

import org.apiguardian.api.API;

/** What happens at an instrumented instruction; used to describe the step in a trace. */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum SiteKind {
  READ("read"),
  WRITE("write"),
  ARRAY_READ("read"),
  ARRAY_WRITE("write"),
  CALL("call"),
  MONITOR_ENTER("lock"),
  MONITOR_EXIT("unlock"),
  WAIT("wait"),
  NOTIFY("notify"),
  NOTIFY_ALL("notifyAll"),
  THREAD_START("start"),
  JOIN("join"),
  SLEEP("sleep"),
  YIELD("yield"),
  SPIN_WAIT("onSpinWait"),
  INTERRUPT("interrupt"),
  CLOCK("read clock"),
  /** A source of values that Baton does not control (identity hash, secure random, UUID). */
  UNCONTROLLED("call");

  private final String verb;

  SiteKind(String verb) {
    this.verb = verb;
  }

  /** The short word a trace prints for this kind of step. */
  public String verb() {
    return verb;
  }
}
