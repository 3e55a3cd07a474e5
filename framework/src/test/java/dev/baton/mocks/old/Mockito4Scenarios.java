package dev.baton.mocks.old;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.baton.InterleavingFailure;
import dev.baton.Interleavings;

/**
 * Scenarios run against Mockito 4 (OlderMockitoTest loads this class where {@code org.mockito}
 * is Mockito 4.11, whose default mock maker defines subclass proxies with ByteBuddy 1.12). Uses
 * only API that Mockito 4 and 5 share.
 */
public final class Mockito4Scenarios {
  private Mockito4Scenarios() {}

  /** The failure message of exploring the racy scenario, or null when nothing failed. */
  public static String exploreRacy() {
    try {
      Interleavings.configure().schedules(200).explore(Mockito4Scenarios::racy);
      return null;
    } catch (InterleavingFailure failure) {
      return failure.getMessage();
    }
  }

  /** How many schedules the correct scenario passed. */
  public static int exploreSafe() {
    return Interleavings.configure().schedules(50).explore(Mockito4Scenarios::safe).schedules();
  }

  /** The jar of the Mockito this class sees. */
  public static String mockitoJar() {
    return org.mockito.Mockito.class.getProtectionDomain().getCodeSource().getLocation().toString();
  }

  static void racy() throws InterruptedException {
    ringTwice(false);
  }

  static void safe() throws InterruptedException {
    ringTwice(true);
  }

  private static void ringTwice(boolean safely) throws InterruptedException {
    Rates rates = mock(Rates.class);
    when(rates.rate()).thenReturn(1);
    Ledger ledger = new Ledger(rates);
    Runnable book = safely ? ledger::bookSafely : ledger::book;
    Thread a = new Thread(book);
    Thread b = new Thread(book);
    a.start();
    b.start();
    a.join();
    b.join();
    if (ledger.total() != 2) throw new AssertionError("lost update: total = " + ledger.total());
  }
}
