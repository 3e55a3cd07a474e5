package dev.baton.lincheck;

import java.util.Arrays;
import java.util.stream.Collectors;

/** One operation call of a scenario: which operation, with which arguments. */
record Actor(SpecOperations.OperationMethod operation, Object[] arguments) {
  /** {@code put(1, 3)}. */
  @Override
  public String toString() {
    return operation.name() + "(" + Arrays.stream(arguments).map(String::valueOf)
        .collect(Collectors.joining(", ")) + ")";
  }
}
