package dev.baton.lincheck;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A history that no sequential order explains: thrown by a schedule of Baton's mode, so that Baton
 * reports it with the interleaving that produced it and a replay token. The message shows the
 * results per thread (like Lincheck's table), the calls and returns in the order they happened, and
 * how far the sequential specification got.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LinearizabilityViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  LinearizabilityViolation(String message) {
    super(message);
  }

  static LinearizabilityViolation of(
      Class<?> spec, int threads, List<History.Operation> history,
      LinearizabilityChecker.Violation why) {
    StringBuilder m = new StringBuilder();
    m.append("not linearizable: no order of these operations, each taking effect between its call")
        .append(" and its return, gives these results in the sequential ")
        .append(spec.getSimpleName()).append("\n\n");
    m.append(table(threads, history)).append('\n');
    m.append("Calls and returns, in the order they happened:\n");
    List<String[]> events = new ArrayList<>();
    int total = history.size() * 2;
    for (int e = 0; e < total; e++) {
      for (History.Operation op : history) {
        if (op.call == e) events.add(new String[] {threadName(op.thread), "call   " + op.actor});
        if (op.ret == e) events.add(new String[] {threadName(op.thread), "return " + op});
      }
    }
    int width = 0;
    for (String[] e : events) width = Math.max(width, e[0].length());
    for (String[] e : events) {
      m.append("  ").append(pad(e[0], width)).append("  ").append(e[1]).append('\n');
    }
    m.append('\n');
    if (why.longestPrefix().isEmpty()) {
      m.append("No operation can go first:");
    } else {
      m.append("The longest order the sequential ").append(spec.getSimpleName())
          .append(" agrees with: ");
      List<String> prefix = new ArrayList<>();
      for (History.Operation op : why.longestPrefix()) {
        prefix.add(op + " (" + threadName(op.thread) + ")");
      }
      m.append(String.join(", ", prefix)).append(". None can follow it:");
    }
    for (LinearizabilityChecker.Mismatch mm : why.next()) {
      m.append("\n  ").append(mm.operation().actor).append(" of ")
          .append(threadName(mm.operation().thread)).append(" would give ")
          .append(mm.sequential()).append(", not ").append(mm.operation().result);
    }
    // Baton appends where this was thrown: the check runs once the scenario's threads ended.
    m.append("\n\nChecked by the scenario's main thread after its threads ended");
    return new LinearizabilityViolation(m.toString());
  }

  static String threadName(int thread) {
    return thread == LinearizabilitySchedules.INIT ? "main" : "thread-" + (thread + 1);
  }

  /** The results per thread, one column each, as Lincheck prints them. */
  static String table(int threads, List<History.Operation> history) {
    List<List<String>> columns = new ArrayList<>();
    int rows = 0;
    for (int t = 0; t < threads; t++) {
      List<String> column = new ArrayList<>();
      column.add(threadName(t));
      for (History.Operation op : history) {
        if (op.thread == t) column.add(op.toString());
      }
      columns.add(column);
      rows = Math.max(rows, column.size());
    }
    int[] widths = new int[threads];
    for (int t = 0; t < threads; t++) {
      for (String cell : columns.get(t)) widths[t] = Math.max(widths[t], cell.length());
    }
    StringBuilder b = new StringBuilder();
    List<String> init = new ArrayList<>();
    List<String> post = new ArrayList<>();
    boolean parallelSeen = false;
    for (History.Operation op : history) {
      if (op.thread != LinearizabilitySchedules.INIT) parallelSeen = true;
      else (parallelSeen ? post : init).add(op.toString());
    }
    if (!init.isEmpty()) b.append("first, alone in main: ").append(String.join(", ", init)).append("\n");
    for (int r = 0; r < rows; r++) {
      b.append('|');
      for (int t = 0; t < threads; t++) {
        List<String> column = columns.get(t);
        b.append(' ').append(pad(r < column.size() ? column.get(r) : "", widths[t])).append(" |");
      }
      b.append('\n');
      if (r == 0) {
        b.append('|');
        for (int t = 0; t < threads; t++) b.append("-".repeat(widths[t] + 2)).append('|');
        b.append('\n');
      }
    }
    if (!post.isEmpty()) b.append("then, alone in main: ").append(String.join(", ", post)).append("\n");
    return b.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
