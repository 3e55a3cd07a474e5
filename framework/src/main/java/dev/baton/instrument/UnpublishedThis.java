package dev.baton.instrument;

import java.util.BitSet;
import java.util.function.BiPredicate;
import org.objectweb.asm.tree.MethodNode;

/**
 * The constructor's side of {@link UnpublishedObjects}: which accesses of a constructor are to its
 * own {@code this} before {@code this} can have escaped (a super constructor that may leak it
 * included), and whether a constructor can leak {@code this} at all, for {@link ConstructorLeaks}.
 */
final class UnpublishedThis {
  private UnpublishedThis() {}

  /**
   * The field instructions of {@code constructor} (numbered in code order, counting {@code
   * getstatic}/{@code putstatic} too) whose receiver is certainly {@code this} and run before it
   * can have escaped. Empty when the method cannot be analysed.
   *
   * @param owner the internal name of the constructor's class
   * @param mayLeak whether a constructor {@code owner.<init>descriptor}, called as the super or
   *     this call, may let {@code this} escape
   */
  static BitSet unpublishedAccesses(
      String owner, MethodNode constructor, BiPredicate<String, String> mayLeak) {
    return UnpublishedObjects.find(owner, constructor, mayLeak, true, false).fields();
  }

  /**
   * True when {@code constructor}, run as a super or this call, cannot let {@code this} escape: no
   * reachable instruction of it is an escape (its own super or this call included).
   */
  static boolean cannotLeak(
      String owner, MethodNode constructor, BiPredicate<String, String> mayLeak) {
    return UnpublishedObjects.cannotLeak(owner, constructor, mayLeak);
  }
}
