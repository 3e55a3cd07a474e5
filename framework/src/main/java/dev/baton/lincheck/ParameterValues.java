package dev.baton.lincheck;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The values Baton's mode draws for one operation parameter. Small domains on purpose, as in
 * Lincheck: operations of a short scenario must meet on the same keys and values to interfere.
 *
 * <p>Supported: {@code int}, {@code long}, {@code short}, {@code byte} and their boxes (default
 * 1 to 5; Lincheck's {@code IntGen}, {@code LongGen}, {@code ShortGen}, {@code ByteGen} with a
 * {@code conf = "from:to"} range), {@code boolean}, {@code String} (one of "a" to "e"), and enums
 * (every constant).
 */
abstract class ParameterValues {
  static final long DEFAULT_FROM = 1;
  static final long DEFAULT_TO = 5;

  /** Draws one value. */
  abstract Object draw(SplittableRandom random);

  /** These values for a parameter of {@code type}; throws when they do not fit it. */
  abstract ParameterValues fitTo(Class<?> type);

  /** The default values of a parameter of {@code type}. */
  static ParameterValues defaultFor(Class<?> type) {
    if (isWhole(type)) return new Whole(DEFAULT_FROM, DEFAULT_TO, type);
    if (type == boolean.class || type == Boolean.class) return new Booleans();
    if (type == String.class) return new Strings();
    if (type.isEnum()) return new Enums(type);
    throw new IllegalArgumentException("Baton's mode cannot generate a " + type.getName()
        + "; use int, long, short, byte, boolean, String or an enum");
  }

  /** The values of a Lincheck generator given by its simple class name and configuration. */
  static ParameterValues fromGenerator(String generator, String conf) {
    switch (generator) {
      case "IntGen", "LongGen", "ShortGen", "ByteGen" -> {
        if (conf == null || conf.isBlank()) return new Whole(DEFAULT_FROM, DEFAULT_TO, null);
        String[] range = conf.trim().split(":");
        try {
          long from = Long.parseLong(range[0].trim());
          long to = Long.parseLong(range[range.length - 1].trim());
          if (range.length == 2 && from <= to) return new Whole(from, to, null);
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new IllegalArgumentException("conf = \"" + conf + "\" of " + generator
            + " is not a range; write it as \"from:to\", for example \"1:5\"");
      }
      case "BooleanGen" -> {
        return new Booleans();
      }
      case "StringGen" -> {
        return new Strings();
      }
      case "EnumGen" -> {
        return new Enums(null);
      }
      default -> throw new IllegalArgumentException("Baton's mode does not support the generator "
          + generator + "; use IntGen, LongGen, ShortGen, ByteGen (conf \"from:to\"), BooleanGen,"
          + " StringGen or EnumGen, or leave the mode out of @CheckLinearizability(modes)");
    }
  }

  private static boolean isWhole(Class<?> t) {
    return t == int.class || t == Integer.class || t == long.class || t == Long.class
        || t == short.class || t == Short.class || t == byte.class || t == Byte.class;
  }

  /** Whole numbers in [from, to], converted to the parameter's type. */
  private static final class Whole extends ParameterValues {
    private final long from;
    private final long to;
    private final Class<?> type;

    Whole(long from, long to, Class<?> type) {
      this.from = from;
      this.to = to;
      this.type = type;
    }

    @Override
    Object draw(SplittableRandom random) {
      long v = from + random.nextLong(to - from + 1);
      if (type == int.class || type == Integer.class) return (int) v;
      if (type == short.class || type == Short.class) return (short) v;
      if (type == byte.class || type == Byte.class) return (byte) v;
      return v;
    }

    @Override
    ParameterValues fitTo(Class<?> t) {
      if (!isWhole(t)) {
        throw new IllegalArgumentException("a whole-number generator does not fit " + t.getName());
      }
      return new Whole(from, to, t);
    }
  }

  private static final class Booleans extends ParameterValues {
    @Override
    Object draw(SplittableRandom random) {
      return random.nextBoolean();
    }

    @Override
    ParameterValues fitTo(Class<?> t) {
      if (t != boolean.class && t != Boolean.class) {
        throw new IllegalArgumentException("BooleanGen does not fit " + t.getName());
      }
      return this;
    }
  }

  private static final class Strings extends ParameterValues {
    private static final List<String> VALUES = List.of("a", "b", "c", "d", "e");

    @Override
    Object draw(SplittableRandom random) {
      return VALUES.get(random.nextInt(VALUES.size()));
    }

    @Override
    ParameterValues fitTo(Class<?> t) {
      if (t != String.class) {
        throw new IllegalArgumentException("StringGen does not fit " + t.getName());
      }
      return this;
    }
  }

  private static final class Enums extends ParameterValues {
    private final Object[] constants;

    Enums(Class<?> type) {
      this.constants = type == null ? null : type.getEnumConstants();
    }

    @Override
    Object draw(SplittableRandom random) {
      return constants[random.nextInt(constants.length)];
    }

    @Override
    ParameterValues fitTo(Class<?> t) {
      if (!t.isEnum()) throw new IllegalArgumentException("EnumGen does not fit " + t.getName());
      return new Enums(t);
    }
  }
}
