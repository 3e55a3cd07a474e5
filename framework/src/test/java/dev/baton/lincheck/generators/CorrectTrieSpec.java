package dev.baton.lincheck.generators;

import static dev.baton.lincheck.LincheckMode.BATON;

import dev.baton.lincheck.CheckLinearizability;
import java.util.concurrent.ConcurrentHashMap;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StringGen;

/** {@link BrokenTrieSpec} with {@code computeIfAbsent}: linearizable, so Baton's mode passes. */
@CheckLinearizability(modes = BATON, schedules = 300, seed = 3)
@Param(name = "word", gen = StringGen.class, conf = "3:ab")
public class CorrectTrieSpec {
  private static final class Node {
    final ConcurrentHashMap<Character, Node> children = new ConcurrentHashMap<>();
    volatile boolean word;
  }

  private final Node root = new Node();

  @Operation
  public void add(@Param(name = "word") String word) {
    Node node = root;
    for (char c : word.toCharArray()) node = node.children.computeIfAbsent(c, k -> new Node());
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
