package dev.baton.instrument;

import org.apiguardian.api.API;

/**
 * One instrumented instruction: where it is in the source and what it does.
 *
 * @param className the binary name of the class holding the instruction ({@code com.acme.Account})
 * @param methodName the method holding the instruction
 * @param sourceFile the source file name from the class file, or {@code null} when compiled without it
 * @param line the source line, or {@code -1} when compiled without line numbers
 * @param kind what the instruction does
 * @param detail the field, method or monitor it concerns, for example {@code Account.balance}
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Site(
    String className, String methodName, String sourceFile, int line, SiteKind kind, String detail) {

  /** {@code Account.charge(Account.java:42)}: the form IDEs and stack traces make clickable. */
  public String location() {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    String file = sourceFile == null ? "Unknown Source" : sourceFile;
    return simple + "." + methodName + "(" + file + (line >= 0 ? ":" + line : "") + ")";
  }

  /** {@code write Account.balance}. */
  public String action() {
    return detail == null || detail.isEmpty() ? kind.verb() : kind.verb() + " " + detail;
  }
}
