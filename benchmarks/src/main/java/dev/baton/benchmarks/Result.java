package dev.baton.benchmarks;

import java.util.Locale;

/** The line format in which the child JVMs hand their figures to {@link BenchmarkSuite}. */
final class Result {
  static final String PREFIX = "RESULT|";

  private Result() {}

  static void print(String kind, String name, double... values) {
    StringBuilder line = new StringBuilder(PREFIX).append(kind).append('|').append(name);
    for (double v : values) line.append('|').append(String.format(Locale.ROOT, "%.3f", v));
    System.out.println(line);
    System.out.flush();
  }

  static void printError(String kind, String name, Throwable t) {
    String message = String.valueOf(t).replace('|', '/').replace('\n', ' ');
    if (message.length() > 120) message = message.substring(0, 120) + "...";
    System.out.println(PREFIX + kind + "|" + name + "|error|" + message);
    System.out.flush();
  }
}
