package dev.baton.lincheck.generators;

import static dev.baton.lincheck.LincheckMode.BATON;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StringGen;

/**
 * A trie whose {@code add} creates a missing node by check-then-act: two adds of words with a
 * common first letter ({@code "ab"} and {@code "aa"}) can both create that letter's node, and the
 * word under the node that lost is gone. Single-letter words never show it, so only StringGen's
 * {@code conf = "3:ab"} (words up to 3 letters over a, b) reaches the bug.
 */
@CheckLinearizability(modes = BATON, schedules = 300, seed = 3)
@Param(name = "word", gen = StringGen.class, conf = "3:ab")
public class BrokenTrieSpec {
  private static final class Node {
    final ConcurrentHashMap<Character, Node> children = new ConcurrentHashMap<>();
    volatile boolean word;
  }

  private final Node root = new Node();

  @Operation
  public void add(@Param(name = "word") String word) {
    Node node = root;
    for (char c : word.toCharArray()) {
      Node child = node.children.get(c);
      if (child == null) {
        child = new Node();
        node.children.put(c, child); // the bug: putIfAbsent would keep the other thread's node
      }
      node = child;
    }
    node.word = true;
  }

  @Operation
  public boolean contains(@Param(name = "word") String word) {
    Node node = root;
    for (char c : word.toCharArray()) {
      node = node.children.get(c);
      if (node == null) return false;
    }
    return node.word;
  }
}
