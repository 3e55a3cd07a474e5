package dev.baton.runtime;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether a class's static initialiser has started, one flag per class for as long as the class
 * lives (see {@link Hooks#classInitialised}). On the boot class path with {@link Hooks}.
 */
final class InitialisedClasses extends ClassValue<AtomicBoolean> {
  @Override
  protected AtomicBoolean computeValue(Class<?> type) {
    return new AtomicBoolean();
  }
}
