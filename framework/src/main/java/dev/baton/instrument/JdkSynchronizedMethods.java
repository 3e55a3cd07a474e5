package dev.baton.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Which JDK instance methods hold their receiver's monitor for the whole call: those declared
 * {@code synchronized}, and those that only delegate to such a method of their own class (Vector's
 * {@code add(int, E)} calls the synchronized {@code insertElementAt}). Retransformation cannot drop the
 * flag, so the JVM takes that monitor at entry; Baton takes it in the model first, at the call
 * site, so that a user's {@code synchronized} block on the same object excludes the call.
 *
 * <p>Left out: methods that wait inside (the real monitor would stay held by a thread parked in the
 * model; {@code PipedInputStream.read}), {@code Thread} (its calls have hooks of their own) and
 * {@code Throwable} (its locks guard its own stack trace). Read from the JDK's class files, cached
 * per class.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JdkSynchronizedMethods {
  private static final Map<String, Set<String>> LOCKING = new ConcurrentHashMap<>();
  private static final Map<String, String> SUPER = new ConcurrentHashMap<>();
  private static final String NONE = "";

  private JdkSynchronizedMethods() {}

  /** Whether a call of {@code nameDesc} on an object of {@code type} holds the object's monitor. */
  public static boolean locksReceiver(Class<?> type, String nameDesc) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (isJdk(c)) return locksReceiver(c.getName().replace('.', '/'), nameDesc);
      if (declares(c, nameDesc)) return false; // user code: its own synchronized is rewritten
    }
    return false;
  }

  /**
   * Whether {@code nameDesc} resolved from the JDK class {@code owner} (declared there or
   * inherited from a JDK superclass) holds the receiver's monitor.
   */
  static boolean locksReceiver(String owner, String nameDesc) {
    Set<String> seen = new HashSet<>();
    for (String c = owner; c != null && seen.add(c); c = superOf(c)) {
      if (c.equals("java/lang/Thread") || c.equals("java/lang/Throwable")) return false;
      Set<String> locking = locking(c);
      if (locking == null) return false;
      if (locking.contains(nameDesc)) return true;
      if (declared(c).contains(nameDesc)) return false;
    }
    return false;
  }

  /** Whether a call from user code to {@code owner.nameDesc} may hold a JDK monitor. */
  static boolean mayLock(ClassHierarchy hierarchy, String owner, String nameDesc) {
    Set<String> seen = new HashSet<>();
    for (String c = owner; c != null && seen.add(c); ) {
      if (c.startsWith("java/")) return locksReceiver(c, nameDesc);
      ClassHierarchy.ClassInfo info = hierarchy.find(c);
      c = info == null ? null : info.superName();
    }
    return false;
  }

  private static boolean isJdk(Class<?> c) {
    return c.getClassLoader() == null && c.getName().startsWith("java.");
  }

  private static boolean declares(Class<?> c, String nameDesc) {
    for (Method m : c.getDeclaredMethods()) {
      if (nameDesc.startsWith(m.getName() + "(")
          && nameDesc.equals(m.getName() + Type.getMethodDescriptor(m))) {
        return true;
      }
    }
    return false;
  }

  private static String superOf(String c) {
    if (locking(c) == null) return null;
    String s = SUPER.get(c);
    return s == null || s.equals(NONE) ? null : s;
  }

  private static final Map<String, Set<String>> DECLARED = new ConcurrentHashMap<>();

  private static Set<String> declared(String c) {
    locking(c);
    return DECLARED.getOrDefault(c, Set.of());
  }

  /** The methods of {@code c} that hold its receiver's monitor; null if its class file is unknown. */
  private static Set<String> locking(String c) {
    Set<String> cached = LOCKING.get(c);
    if (cached != null) return cached;
    byte[] bytes = classFile(c);
    if (bytes == null) return null;
    Analysis analysis = new Analysis(c);
    new ClassReader(bytes).accept(analysis, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    DECLARED.put(c, Set.copyOf(analysis.declared));
    SUPER.put(c, analysis.superName == null ? NONE : analysis.superName);
    Set<String> result = Set.copyOf(analysis.closure());
    LOCKING.put(c, result);
    return result;
  }

  private static byte[] classFile(String c) {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(c + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
  }

  /** Reads one class: its synchronized methods, which wait, and which call which of their own. */
  private static final class Analysis extends ClassVisitor {
    private final String owner;
    final Set<String> declared = new HashSet<>();
    final Set<String> synchronizedMethods = new HashSet<>();
    final Set<String> waiting = new HashSet<>();
    final Map<String, Set<String>> ownCalls = new HashMap<>();
    /** Methods that call into another class (an observer's update): they may run user code. */
    final Set<String> callingOut = new HashSet<>();
    String superName;

    Analysis(String owner) {
      super(Opcodes.ASM9);
      this.owner = owner;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      this.superName = superName;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String desc, String signature, String[] exceptions) {
      String key = name + desc;
      declared.add(key);
      boolean instance = (access & Opcodes.ACC_STATIC) == 0;
      if (instance && (access & Opcodes.ACC_SYNCHRONIZED) != 0) synchronizedMethods.add(key);
      Set<String> calls = new HashSet<>();
      ownCalls.put(key, calls);
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitMethodInsn(
            int opcode, String callOwner, String method, String callDesc, boolean isInterface) {
          if (method.equals("wait") && CallReplacementAdapter.OBJECT_METHODS.containsKey(method + callDesc)) {
            waiting.add(key);
          } else if (instance && callOwner.equals(owner) && opcode != Opcodes.INVOKESTATIC) {
            calls.add(method + callDesc);
          } else if (!method.equals("<init>")) {
            callingOut.add(key);
          }
        }
      };
    }

    /**
     * Synchronized methods, and methods that only delegate to them (they call no other class, so
     * holding the monitor for the whole call changes nothing another thread can see), less those
     * that wait, directly or not. {@code Observable.notifyObservers} calls the synchronized {@code
     * clearChanged} but also the observers, outside the lock: it is not one of them.
     */
    Set<String> closure() {
      Set<String> locking = new HashSet<>(synchronizedMethods);
      Set<String> waits = new HashSet<>(waiting);
      boolean grew = true;
      while (grew) {
        grew = false;
        for (Map.Entry<String, Set<String>> e : ownCalls.entrySet()) {
          boolean delegates = !callingOut.contains(e.getKey());
          for (String callee : e.getValue()) {
            if (delegates && locking.contains(callee) && locking.add(e.getKey())) grew = true;
            if (waits.contains(callee) && waits.add(e.getKey())) grew = true;
          }
        }
      }
      locking.removeAll(waits);
      return locking;
    }
  }
}
