package dev.baton.instrument;

import static dev.baton.instrument.SiteKind.ARRAY_WRITE;
import static dev.baton.instrument.SiteKind.READ;
import static dev.baton.instrument.SiteKind.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rule that a method's accesses to objects and arrays it allocated itself are no scheduling
 * points while no other thread can have a reference to them ({@link UnpublishedObjects}), on {@code
 * samples/FreshObjects.java}: what escapes (a store into the heap, a call, a capture, a constructor
 * that publishes its object, a handler after a call that published), what does not (the array
 * arguments of {@code System.arraycopy} and {@code Arrays}, clones and copies), and the accesses that
 * stay points after an escape, or where the object is new on one path only.
 */
class FreshObjectsTest extends InstrumentedTestSupport {
  private static final String FILE = "FreshObjects";
  private static final String NODE_VALUE = "FreshObjects$Node.value";
  private static final String PUBLISHED = "FreshObjects.published";

  /** Initialises the sample, whose static fields the methods read and write, without events. */
  @BeforeEach
  void initialiseSample() throws ClassNotFoundException {
    sample(FILE);
    sample("FreshObjects$Node");
  }

  private Object run(String method, Object... args) throws Throwable {
    return callStatic(sample(FILE), method, args);
  }

  private static String at(SiteKind kind, String detail, String marker) {
    return InstrumentedTestSupport.at(kind, detail, FILE, marker);
  }

  private static String element(String marker, int index) {
    return at(ARRAY_WRITE, "", marker) + " [" + index + "]";
  }

  @Test
  void anArrayFilledAndReadByItsOwnMethodHasNoPoints() throws Throwable {
    assertThat(run("fillLocal", 5)).isEqualTo(10);

    assertThat(described()).isEmpty();
  }

  @Test
  void withoutTheRuleTheSameArrayAccessesArePoints() throws Throwable {
    loader = new TransformingLoader(new PointRules(true, false, true));
    initialiseSample();

    assertThat(run("fillLocal", 2)).isEqualTo(1);

    assertThat(described()).hasSize(4);
  }

  @Test
  void publishingAnArrayMakesTheLaterElementWritesPoints() throws Throwable {
    int[] array = (int[]) run("publishArray");

    assertThat(described()).containsExactly(
        at(WRITE, "FreshObjects.sharedInts", "publish-array"), element("publish-array-after", 1));
    assertThat(targets()).containsExactly(null, array);
  }

  @Test
  void aNewNodeIsLinkedWithoutAPointAndWrittenWithOneAfterItIsPublished() throws Throwable {
    run("push", 3);

    assertThat(described()).containsExactly(
        at(READ, "FreshObjects.head", "push-link"),
        at(WRITE, "FreshObjects.head", "push-publish"),
        at(WRITE, NODE_VALUE, "push-after"));
  }

  @Test
  void eachRoundOfALoopAllocatesAFreshNodeButTheArrayPublishedInTheLoopStaysShared()
      throws Throwable {
    run("loop", 2);

    // the array was published in round one, and its store is the same instruction in round two
    assertThat(described()).containsExactly(
        element("loop-store", 0), at(WRITE, PUBLISHED, "loop-publish"),
        element("loop-store", 1), at(WRITE, PUBLISHED, "loop-publish"));
  }

  @Test
  void anObjectPassedToAMethodOrCapturedByALambdaIsShared() throws Throwable {
    run("passed");
    assertThat(described()).containsExactly(
        at(WRITE, PUBLISHED, "keep"), at(WRITE, NODE_VALUE, "passed-after"));
    clearEvents();

    IntSupplier supplier = (IntSupplier) run("captured");

    assertThat(described()).containsExactly(at(WRITE, NODE_VALUE, "captured-after"));
    assertThat(supplier.getAsInt()).isEqualTo(4);
  }

  @Test
  void aHandlerAfterACallThatPublishedTheObjectTreatsItAsShared() throws Throwable {
    run("handler");

    assertThat(described()).containsExactly(
        at(WRITE, PUBLISHED, "publish-and-throw"), at(WRITE, NODE_VALUE, "handler-write"));
  }

  @Test
  void aConstructorThatPublishesItsObjectMakesItSharedAtOnce() throws Throwable {
    run("leaky");

    assertThat(described()).containsExactly(
        at(WRITE, PUBLISHED, "leaky-publish"), at(WRITE, "FreshObjects$Leaky.value", "leaky-write"));
  }

  @Test
  void anObjectNewOnOnlyOnePathIsAPoint() throws Throwable {
    run("either", true);

    assertThat(described()).containsExactly(at(WRITE, NODE_VALUE, "either-write"));
  }

  @Test
  void copiesAndClonesOfASharedArrayAreNewArraysAndTheSharedOneIsOnlyRead() throws Throwable {
    assertThat(run("copies")).isEqualTo(10 + 'c');

    assertThat(described()).containsExactly(
        at(READ, "FreshObjects.sharedInts", "copies-source"),
        at(READ, "FreshObjects.sharedInts", "copies-clone"));
  }

  @Test
  void aNodeStoredIntoANewArrayByArraysFillEscapesAndTheArrayDoesNot() throws Throwable {
    run("filled");

    assertThat(described()).containsExactly(
        at(SiteKind.CALL, "Arrays.fill", "filled-fill"),
        at(WRITE, PUBLISHED, "filled-publish"), at(WRITE, NODE_VALUE, "filled-node"));
  }

  @Test
  void theRowsOfANewArrayOfArraysAreNotFollowed() throws Throwable {
    int[][] grid = (int[][]) run("rows");

    assertThat(described()).containsExactly(element("rows-write", 1));
    assertThat(targets()).containsExactly(grid[0]);
  }
}
