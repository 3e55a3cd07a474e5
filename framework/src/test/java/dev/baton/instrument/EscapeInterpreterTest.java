package dev.baton.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.instrument.EscapeInterpreter.Ref;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The escape analysis's values where ASM versions differ: ASM 9.9 also merges the frame after a
 * throwing instruction into its handler, earlier versions only the frame before it, so the
 * handler's own entry value must keep following an object (or an escape inside the handler, a
 * constructor publishing {@code this} in a catch block, goes unseen).
 */
class EscapeInterpreterTest {

  @Test
  void aHandlerKeepsFollowingAnObjectButNeverAsCertainlyUnpublished() {
    EscapeInterpreter interpreter = new EscapeInterpreter((owner, descriptor) -> true, true, true);
    TypeInsnNode allocation = new TypeInsnNode(Opcodes.NEW, "java/lang/Object");
    EscapeFrame handler = new EscapeFrame(3, 1);
    handler.setLocal(0, new Ref(1, EscapeInterpreter.THIS, true));
    handler.setLocal(1, new Ref(1, allocation, true));
    handler.setLocal(2, Ref.ONE);

    interpreter.newExceptionValue(null, handler, Type.getType(Throwable.class));

    assertThat(handler.getLocal(0)).isEqualTo(new Ref(1, EscapeInterpreter.THIS, false));
    assertThat(handler.getLocal(1)).isEqualTo(new Ref(1, allocation, false));
    assertThat(handler.getLocal(2)).isEqualTo(Ref.ONE);
  }

  @Test
  void mergingTheSameObjectWithAnotherValueIsNeverCertain() {
    EscapeInterpreter interpreter = new EscapeInterpreter((owner, descriptor) -> true, true, true);
    TypeInsnNode first = new TypeInsnNode(Opcodes.NEW, "java/lang/Object");
    TypeInsnNode second = new TypeInsnNode(Opcodes.NEW, "java/lang/Object");
    Ref fromFirst = new Ref(1, first, true);

    assertThat(interpreter.merge(fromFirst, fromFirst)).isEqualTo(fromFirst);
    assertThat(interpreter.merge(fromFirst, Ref.ONE)).isEqualTo(new Ref(1, first, false));
    assertThat(interpreter.merge(fromFirst, new Ref(1, second, true)))
        .isEqualTo(new Ref(1, EscapeInterpreter.ANY, false));
  }
}
