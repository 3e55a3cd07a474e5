package dev.baton.lincheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The values Baton's mode draws for one operation parameter, from Lincheck's generator and its
 * {@code conf} as Lincheck 3.7 reads them. Small domains on purpose, as in Lincheck: operations of
 * a short scenario must meet on the same keys and values to interfere.
 *
 * <ul>
 *   <li>{@code IntGen}, {@code LongGen}, {@code ShortGen}, {@code ByteGen}: {@code "from:to"},
 *       inclusive, within the type's range (blanks ignored).
 *   <li>{@code DoubleGen}, {@code FloatGen}: {@code "begin:end"} in steps of 0.1, or {@code
 *       "begin:step:end"}; begin below end.
 *   <li>{@code StringGen}: {@code "maxLength"} or {@code "maxLength:alphabet"} (the alphabet's
 *       characters); Lincheck's default alphabet without one.
 *   <li>{@code EnumGen}: the permitted constants, {@code "RED, GREEN"}; every constant without one.
 *   <li>{@code BooleanGen}: no configuration.
 * </ul>
 *
 * Without {@code conf} (or without {@code @Param}) Baton draws from its own small default domains:
 * whole numbers 1 to 5, decimals 1.0 to 5.0 in steps of 1, one-letter strings "a" to "e", both
 * booleans, every enum constant. Anything else is an error that names it, never a silent default.
 */
abstract class ParameterValues {
  static final long DEFAULT_FROM = 1;
  static final long DEFAULT_TO = 5;

  /** Lincheck's {@code StringGen} alphabet when {@code conf} gives only a length. */
  static final String LINCHECK_ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ";

  /** Lincheck's step of {@code DoubleGen} when {@code conf} gives none. */
  static final double LINCHECK_STEP = 0.1;

  static final String SUPPORTED = "IntGen, LongGen, ShortGen, ByteGen, DoubleGen, FloatGen,"
      + " StringGen, BooleanGen and EnumGen";

  /** Draws one value. */
  abstract Object draw(SplittableRandom random);

  /** These values for a parameter of {@code type}; throws when they do not fit it. */
  abstract ParameterValues fitTo(Class<?> type);

  /** The default values of a parameter of {@code type}. */
  static ParameterValues defaultFor(Class<?> type) {
    if (Whole.fits(type)) return new Whole("IntGen", DEFAULT_FROM, DEFAULT_TO, type);
    if (Decimal.fits(type)) return new Decimal("DoubleGen", DEFAULT_FROM, 1, DEFAULT_TO, type);
    if (type == boolean.class || type == Boolean.class) return new Booleans();
    if (type == String.class) return Strings.DEFAULT;
    if (type.isEnum()) return new Enums("", type);
    throw new IllegalArgumentException("Baton's mode cannot generate a " + type.getName()
        + "; use int, long, short, byte, double, float, boolean, String or an enum");
  }

  /**
   * The values of a Lincheck generator given by its simple class name and configuration.
   *
   * @throws IllegalArgumentException naming the generator and what is wrong with {@code conf}
   */
  static ParameterValues fromGenerator(String generator, String conf) {
    String c = conf == null ? "" : conf;
    return switch (generator) {
      case "IntGen", "LongGen", "ShortGen", "ByteGen" -> Whole.configured(generator, c);
      case "DoubleGen", "FloatGen" -> Decimal.configured(generator, c);
      case "StringGen" -> Strings.configured(c);
      case "EnumGen" -> new Enums(c, null);
      case "BooleanGen" -> new Booleans();
      default -> throw new IllegalArgumentException("Baton's mode does not support the generator "
          + generator + "; it supports " + SUPPORTED + " (with their conf syntax); leave"
          + " LincheckMode.BATON out of @CheckLinearizability(modes) for this spec");
    };
  }

  static IllegalArgumentException badConf(String generator, String conf, String why) {
    return new IllegalArgumentException(
        "conf = \"" + conf + "\" of " + generator + " is not valid: " + why);
  }

  /** Whole numbers in [from, to], converted to the parameter's type. */
  private static final class Whole extends ParameterValues {
    private final String generator;
    private final long from;
    private final long to;
    private final Class<?> type;

    Whole(String generator, long from, long to, Class<?> type) {
      this.generator = generator;
      this.from = from;
      this.to = to;
      this.type = type;
    }

    static boolean fits(Class<?> t) {
      return t == int.class || t == Integer.class || t == long.class || t == Long.class
          || t == short.class || t == Short.class || t == byte.class || t == Byte.class;
    }

    static Whole configured(String generator, String conf) {
      String c = conf.replaceAll("\\s", "");
      if (c.isEmpty()) return new Whole(generator, DEFAULT_FROM, DEFAULT_TO, null);
      String[] range = c.split(":", -1);
      if (range.length != 2) {
        throw badConf(generator, conf, "write the range as \"from:to\", for example \"1:5\"");
      }
      long from;
      long to;
      try {
        from = Long.parseLong(range[0]);
        to = Long.parseLong(range[1]);
      } catch (NumberFormatException e) {
        throw badConf(generator, conf, "from and to must be whole numbers, as in \"1:5\"");
      }
      long[] limits = limits(generator);
      if (from > to || from < limits[0] || to > limits[1]) {
        throw badConf(generator, conf, "the range must have from <= to, within ["
            + limits[0] + "; " + limits[1] + "]");
      }
      return new Whole(generator, from, to, null);
    }

    /** The type range Lincheck checks a configured range against. */
    private static long[] limits(String generator) {
      return switch (generator) {
        case "ByteGen", "ShortGen" -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
        default -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
      };
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
      if (!fits(t)) throw new IllegalArgumentException(generator + " does not fit " + t.getName());
      return new Whole(generator, from, to, t);
    }
  }

  /** begin, begin + step, ... up to end, converted to the parameter's type. */
  private static final class Decimal extends ParameterValues {
    private final String generator;
    private final double begin;
    private final double step;
    private final double end;
    private final Class<?> type;

    Decimal(String generator, double begin, double step, double end, Class<?> type) {
      this.generator = generator;
      this.begin = begin;
      this.step = step;
      this.end = end;
      this.type = type;
    }

    static boolean fits(Class<?> t) {
      return t == double.class || t == Double.class || t == float.class || t == Float.class;
    }

    static Decimal configured(String generator, String conf) {
      String c = conf.replaceAll("\\s", "");
      if (c.isEmpty()) return new Decimal(generator, DEFAULT_FROM, 1, DEFAULT_TO, null);
      String[] parts = c.split(":", -1);
      double begin;
      double step;
      double end;
      try {
        if (parts.length == 2) {
          begin = Double.parseDouble(parts[0]);
          step = LINCHECK_STEP;
          end = Double.parseDouble(parts[1]);
        } else if (parts.length == 3) {
          begin = Double.parseDouble(parts[0]);
          step = Double.parseDouble(parts[1]);
          end = Double.parseDouble(parts[2]);
        } else {
          throw badConf(generator, conf,
              "write \"begin:end\" or \"begin:step:end\", for example \"0:0.5:2\"");
        }
      } catch (NumberFormatException e) {
        throw badConf(generator, conf, "begin, step and end must be numbers, as in \"0:0.5:2\"");
      }
      if (!(begin < end) || !(step > 0)) {
        throw badConf(generator, conf, "begin must be below end and step above 0");
      }
      return new Decimal(generator, begin, step, end, null);
    }

    @Override
    Object draw(SplittableRandom random) {
      long steps = (long) Math.floor((end - begin) / step + 1e-9);
      double v = begin + step * random.nextLong(steps + 1);
      return type == float.class || type == Float.class ? (Object) (float) v : (Object) v;
    }

    @Override
    ParameterValues fitTo(Class<?> t) {
      if (!fits(t)) throw new IllegalArgumentException(generator + " does not fit " + t.getName());
      return new Decimal(generator, begin, step, end, t);
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

  /**
   * Words over an alphabet. Configured ({@code "4:ab"}), a word is 1 letter, and each further
   * letter up to the maximum comes with probability 1/2: short words that share prefixes, like
   * Lincheck's, whose words start at 1 letter and grow by one with probability 1/2 per draw.
   */
  private static final class Strings extends ParameterValues {
    static final Strings DEFAULT = new Strings(1, "abcde");

    private final int maxLength;
    private final char[] alphabet;

    Strings(int maxLength, String alphabet) {
      this.maxLength = maxLength;
      this.alphabet = alphabet.toCharArray();
    }

    static Strings configured(String conf) {
      if (conf.isEmpty()) return DEFAULT;
      int colon = conf.indexOf(':');
      String length = colon < 0 ? conf : conf.substring(0, colon);
      String alphabet = colon < 0 ? LINCHECK_ALPHABET : conf.substring(colon + 1);
      int max;
      try {
        max = Integer.parseInt(length.trim());
      } catch (NumberFormatException e) {
        throw badConf("StringGen", conf,
            "write \"maxLength\" or \"maxLength:alphabet\", for example \"4:ab\"");
      }
      if (max < 1 || alphabet.isEmpty()) {
        throw badConf("StringGen", conf, "the length must be at least 1, the alphabet not empty");
      }
      return new Strings(max, alphabet);
    }

    @Override
    Object draw(SplittableRandom random) {
      int length = 1;
      while (length < maxLength && random.nextBoolean()) length++;
      char[] word = new char[length];
      for (int i = 0; i < length; i++) word[i] = alphabet[random.nextInt(alphabet.length)];
      return new String(word);
    }

    @Override
    ParameterValues fitTo(Class<?> t) {
      if (t != String.class) {
        throw new IllegalArgumentException("StringGen does not fit " + t.getName());
      }
      return this;
    }
  }

  /** The constants of the parameter's enum, or those {@code conf} permits. */
  private static final class Enums extends ParameterValues {
    private final String conf;
    private final Object[] constants;

    Enums(String conf, Class<?> type) {
      this.conf = conf;
      this.constants = type == null ? null : permitted(conf, type);
    }

    private static Object[] permitted(String conf, Class<?> type) {
      Object[] all = type.getEnumConstants();
      if (conf.isBlank()) return all;
      List<Object> chosen = new ArrayList<>();
      for (String name : conf.split(",")) {
        Object constant = Arrays.stream(all).filter(e -> ((Enum<?>) e).name().equals(name.trim()))
            .findFirst().orElseThrow(() -> badConf("EnumGen", conf, type.getSimpleName()
                + " has no constant " + name.trim() + "; list permitted constants separated by"
                + " commas, for example \"" + ((Enum<?>) all[0]).name() + "\""));
        if (!chosen.contains(constant)) chosen.add(constant);
      }
      return chosen.toArray();
    }

    @Override
    Object draw(SplittableRandom random) {
      return constants[random.nextInt(constants.length)];
    }

    @Override
    ParameterValues fitTo(Class<?> t) {
      if (!t.isEnum()) throw new IllegalArgumentException("EnumGen does not fit " + t.getName());
      return new Enums(conf, t);
    }
  }
}
