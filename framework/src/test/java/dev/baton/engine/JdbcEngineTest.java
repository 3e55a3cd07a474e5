package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.baton.engine.fixtures.jdbc.DriverManagerFixture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @ExploreInterleavings} tests that use JDBC's {@code DriverManager} pass in every schedule:
 * with fresh static state each schedule connects through a driver of its own (one connection
 * each), with shared static state through the one driver of the shared classes (its connections
 * add up over both methods, also when a method with fresh static state ran in between).
 */
class JdbcEngineTest {

  @BeforeEach
  void clearLog() {
    EventLog.clear();
  }

  @Test
  void everyScheduleOfEveryMethodConnects() {
    EngineExecutionResults results = EngineTestKit.engine("baton")
        .selectors(
            selectMethod(DriverManagerFixture.class, "sharedStatics"),
            selectMethod(DriverManagerFixture.class, "freshStatics"),
            selectMethod(DriverManagerFixture.class, "sharedStaticsAgain"))
        .execute();

    results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
    // In the order selected: the fresh method's loaders come between the shared loader's uses.
    List<String> expected = new ArrayList<>(shared(1, 4));
    expected.addAll(Collections.nCopies(6, "fresh connections=1"));
    expected.addAll(shared(5, 8));
    assertThat(EventLog.events()).isEqualTo(expected);
  }

  private static List<String> shared(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(n -> "shared connections=" + n).toList();
  }
}
