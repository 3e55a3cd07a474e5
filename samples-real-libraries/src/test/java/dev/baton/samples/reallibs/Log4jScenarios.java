package dev.baton.samples.reallibs;

import java.io.StringWriter;
import org.apache.log4j.Hierarchy;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.WriterAppender;
import org.apache.log4j.spi.RootLogger;

/**
 * Log4j 1.2.17 (the last 1.2 release) in two threads: one logs an account object, the other
 * deposits into that account, which logs under the account's monitor.
 *
 * <p>Log4j renders the message inside {@code Category.callAppenders}, holding the category's
 * monitor, and inside {@code AppenderSkeleton.doAppend}, holding the appender's: it then takes
 * the account's monitor in {@code toString}. The depositing thread holds the account's monitor and
 * asks for the category's. Bug 41214 in log4j's tracker, never fixed in 1.2; its documented
 * workaround is to render the object before calling the logger, which {@link
 * #logRenderedAccountWhileDepositing()} does.
 */
final class Log4jScenarios {
  private Log4jScenarios() {}

  /** The deadlock of bug 41214: logs the account object itself. */
  static String logAccountWhileDepositing() throws InterruptedException {
    return run(false);
  }

  /** The workaround: the message is rendered to a string before log4j takes any monitor. */
  static String logRenderedAccountWhileDepositing() throws InterruptedException {
    return run(true);
  }

  private static String run(boolean renderFirst) throws InterruptedException {
    StringWriter out = new StringWriter();
    Logger audit = newHierarchyWritingTo(out).getLogger("audit");
    AuditedAccount account = new AuditedAccount();

    Thread reporter = new Thread(() -> {
      if (renderFirst) audit.info(String.valueOf(account));
      else audit.info(account);
    }, "reporter");
    Thread depositor = new Thread(() -> account.deposit(10, audit), "depositor");
    reporter.start();
    depositor.start();
    reporter.join();
    depositor.join();
    return out.toString();
  }

  /**
   * A logger hierarchy of its own, configured in code like log4j's own tests do: a root logger at
   * INFO with one {@link WriterAppender}, so no {@code log4j.properties} lookup is involved.
   */
  private static Hierarchy newHierarchyWritingTo(StringWriter out) {
    Hierarchy hierarchy = new Hierarchy(new RootLogger(Level.INFO));
    hierarchy.getRootLogger().addAppender(new WriterAppender(new PatternLayout("%m%n"), out));
    return hierarchy;
  }
}
