package dev.baton.report;

import org.apiguardian.api.API;

/**
 * One step of an interleaving as the report shows it.
 *
 * @param thread the thread's stable name ({@code main}, {@code thread-1}, or the name the user gave)
 * @param action what it did ({@code write Account.balance}, {@code lock Object#1})
 * @param location where, as {@code Class.method(File.java:line)}, or empty inside the JDK
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Step(String thread, String action, String location) {}
