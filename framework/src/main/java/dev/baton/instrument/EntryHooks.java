package dev.baton.instrument;

import static dev.baton.instrument.JdkTargets.CLOCK;
import static dev.baton.instrument.JdkTargets.FORK_JOIN_WORKER;
import static dev.baton.instrument.JdkTargets.LOCK_SUPPORT;
import static dev.baton.instrument.JdkTargets.THREAD;
import static dev.baton.instrument.JdkTargets.VIRTUAL_THREAD;

import org.objectweb.asm.MethodVisitor;

/**
 * Which JDK methods get a hook at their entry (or around their body), and which visitor adds it:
 * {@code LockSupport}'s park and unpark, the start, body and exit of {@code Thread}, {@code
 * VirtualThread} and {@code ForkJoinWorkerThread}, and {@code Clock.currentInstant()}.
 */
final class EntryHooks {
  private EntryHooks() {}

  /** The visitor for {@code owner.nameDesc}, or null when the method has no entry hook. */
  static MethodVisitor wrap(String owner, String nameDesc, MethodVisitor mv) {
    return switch (owner) {
      case LOCK_SUPPORT -> lockSupport(nameDesc, mv);
      case THREAD -> switch (nameDesc) {
        case "run()V" -> new ThreadRunAdapter(mv);
        case "start()V", "start(Ljdk/internal/vm/ThreadContainer;)V" -> new ThreadStartAdapter(mv);
        case "exit()V" -> new ThreadExitAdapter(mv);
        default -> null;
      };
      case FORK_JOIN_WORKER -> nameDesc.equals("run()V") ? new ThreadRunAdapter(mv) : null;
      case VIRTUAL_THREAD -> switch (nameDesc) {
        case "start(Ljdk/internal/vm/ThreadContainer;)V" -> new ThreadStartAdapter(mv);
        case "run(Ljava/lang/Runnable;)V" -> new VirtualThreadRunAdapter(mv);
        default -> null;
      };
      case CLOCK ->
          nameDesc.equals("currentInstant()Ljava/time/Instant;") ? new CurrentInstantAdapter(mv) : null;
      default -> null;
    };
  }

  private static MethodVisitor lockSupport(String nameDesc, MethodVisitor mv) {
    String parkDesc = "(Ljava/lang/Object;)Z";
    String timedDesc = "(Ljava/lang/Object;J)Z";
    return switch (nameDesc) {
      case "park()V" -> new ParkEntryAdapter(mv, false, -1, "park", parkDesc);
      case "park(Ljava/lang/Object;)V" -> new ParkEntryAdapter(mv, true, -1, "park", parkDesc);
      case "parkNanos(J)V" -> new ParkEntryAdapter(mv, false, 0, "parkNanos", timedDesc);
      case "parkNanos(Ljava/lang/Object;J)V" -> new ParkEntryAdapter(mv, true, 1, "parkNanos", timedDesc);
      case "parkUntil(J)V" -> new ParkEntryAdapter(mv, false, 0, "parkUntil", timedDesc);
      case "parkUntil(Ljava/lang/Object;J)V" -> new ParkEntryAdapter(mv, true, 1, "parkUntil", timedDesc);
      case "unpark(Ljava/lang/Thread;)V" ->
          new ParkEntryAdapter(mv, true, -1, "unpark", "(Ljava/lang/Thread;)Z");
      default -> null;
    };
  }
}
