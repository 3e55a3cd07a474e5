package dev.baton.scheduler;

import java.util.ArrayList;
import java.util.List;

/** The model of one object's monitor: owner, reentrancy count and wait set. */
final class MonitorState {
  ManagedThread owner;
  int count;
  final List<ManagedThread> waitSet = new ArrayList<>(2);
}
