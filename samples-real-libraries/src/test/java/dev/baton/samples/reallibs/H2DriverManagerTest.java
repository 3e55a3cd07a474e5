package dev.baton.samples.reallibs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.ExplorationResult;
import dev.baton.Interleavings;
import org.junit.jupiter.api.Test;

/**
 * H2 2.2.224 through JDBC's {@code DriverManager}, as most users' tests get a connection, in every
 * schedule. {@code DriverManager} is the JDK's and keeps the drivers it registered for the whole
 * JVM; Baton defines H2's classes afresh for each schedule, and registers each schedule's own
 * {@code org.h2.Driver} before the scenario asks (before, the second schedule failed with "No
 * suitable driver found for jdbc:h2:mem:...").
 */
class H2DriverManagerTest {

  /**
   * Five schedules, each with a database named {@code orders} kept open as long as H2's engine
   * lives ({@code DB_CLOSE_DELAY=-1}): it is each schedule's own, as H2's static state is, or the
   * second schedule's {@code create table} would find the first schedule's table.
   */
  @Test
  void eachScheduleConnectsToItsOwnNamedInMemoryDatabase() {
    ExplorationResult result = Interleavings.configure().schedules(5).explore(() ->
        assertThat(H2Scenarios.twoThreadsIncrementOverADriverManagerConnection(
            "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1")).isEqualTo(2));

    assertThat(result.schedules()).isEqualTo(5);
  }

  /**
   * With static state shared by the schedules ({@code freshStatics(false)}), one H2 serves them
   * all; an unnamed in-memory database is new for each connection. The exploration runs in a
   * loader of its own, after other explorations in this JVM used other loaders' drivers.
   */
  @Test
  void withSharedStaticStateEveryScheduleConnects() {
    ExplorationResult result = Interleavings.configure().freshStatics(false).schedules(3)
        .explore(() -> assertThat(
            H2Scenarios.twoThreadsIncrementOverADriverManagerConnection("jdbc:h2:mem:"))
            .isEqualTo(2));

    assertThat(result.schedules()).isEqualTo(3);
  }
}
