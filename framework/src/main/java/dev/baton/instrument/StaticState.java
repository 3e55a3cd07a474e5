package dev.baton.instrument;

import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Whether a class holds static state that a schedule could change, so that the next schedule
 * needs the class defined afresh. Conservative: a static field counts as state unless it is final
 * and its type cannot hold changing state (a primitive, a string, a lock object, a logger ...).
 * Fields the compiler generates ({@code $VALUES}, switch maps) never change after initialisation;
 * enum constants are state only when the enum has a non-final field.
 */
final class StaticState {
  /** Final static fields of these types hold nothing a schedule can change. */
  private static final Set<String> IMMUTABLE =
      Set.of(
          "Ljava/lang/String;", "Ljava/lang/Object;", "Ljava/lang/Class;",
          "Ljava/lang/Integer;", "Ljava/lang/Long;", "Ljava/lang/Short;", "Ljava/lang/Byte;",
          "Ljava/lang/Character;", "Ljava/lang/Boolean;", "Ljava/lang/Double;", "Ljava/lang/Float;",
          "Ljava/math/BigInteger;", "Ljava/math/BigDecimal;", "Ljava/util/UUID;",
          "Ljava/util/Locale;", "Ljava/nio/charset/Charset;", "Ljava/util/regex/Pattern;",
          "Ljava/time/Duration;", "Ljava/time/Instant;", "Ljava/time/ZoneId;",
          "Ljava/time/format/DateTimeFormatter;", "Ljava/util/concurrent/TimeUnit;",
          "Ljava/lang/invoke/VarHandle;", "Ljava/lang/invoke/MethodHandle;",
          "Ljava/util/concurrent/atomic/AtomicIntegerFieldUpdater;",
          "Ljava/util/concurrent/atomic/AtomicLongFieldUpdater;",
          "Ljava/util/concurrent/atomic/AtomicReferenceFieldUpdater;",
          "Ljava/lang/System$Logger;", "Ljava/util/logging/Logger;", "Lorg/slf4j/Logger;",
          "Lorg/apache/logging/log4j/Logger;", "Lorg/apache/commons/logging/Log;");

  private StaticState() {}

  /** True when {@code classFile} declares a static field that a schedule could change. */
  static boolean isMutable(byte[] classFile) {
    Fields fields = new Fields();
    new ClassReader(classFile)
        .accept(fields, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    // Enum constants are state when the enum's instances are: an enum with a non-final field.
    return fields.mutableStatic || (fields.enumConstant && fields.mutableInstanceField);
  }

  private static final class Fields extends ClassVisitor {
    boolean mutableStatic;
    boolean enumConstant;
    boolean mutableInstanceField;

    Fields() {
      super(Opcodes.ASM9);
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      boolean isFinal = (access & Opcodes.ACC_FINAL) != 0;
      if (!isStatic) {
        mutableInstanceField |= !isFinal;
      } else if ((access & Opcodes.ACC_ENUM) != 0) {
        enumConstant = true;
      } else if (!isFinal) {
        mutableStatic = true;
      } else if ((access & Opcodes.ACC_SYNTHETIC) == 0
          && descriptor.length() > 1
          && !IMMUTABLE.contains(descriptor)) {
        mutableStatic = true; // a final reference to something that may change inside
      }
      return null;
    }
  }
}
