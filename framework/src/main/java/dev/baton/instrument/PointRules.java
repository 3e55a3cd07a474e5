package dev.baton.instrument;

/**
 * Which of the rules that leave accesses without a scheduling point are on: all of them, unless an
 * internal property switches one off for Baton's own oracle tests and measurements ({@code
 * -Dbaton.internal.unpublishedThis=false}, {@code -Dbaton.internal.freshObjects=false}, {@code
 * -Dbaton.internal.immutableFields=false}), read when a transformer is made. Not a user setting:
 * every rule is sound, and switching one off only makes schedules longer.
 *
 * @param unpublishedThis a constructor's accesses to its own {@code this} before it can escape
 * @param freshObjects a method's accesses to objects and arrays it allocated, before they can escape
 * @param immutableFields reads of a class's effectively immutable fields ({@link ImmutableFields})
 */
record PointRules(boolean unpublishedThis, boolean freshObjects, boolean immutableFields) {
  static final String UNPUBLISHED_THIS_PROPERTY = "baton.internal.unpublishedThis";
  static final String FRESH_OBJECTS_PROPERTY = "baton.internal.freshObjects";
  static final String IMMUTABLE_FIELDS_PROPERTY = "baton.internal.immutableFields";

  static PointRules all() {
    return new PointRules(true, true, true);
  }

  static PointRules none() {
    return new PointRules(false, false, false);
  }

  static PointRules fromSystemProperties() {
    return new PointRules(
        on(UNPUBLISHED_THIS_PROPERTY), on(FRESH_OBJECTS_PROPERTY), on(IMMUTABLE_FIELDS_PROPERTY));
  }

  /** True when some rule needs the escape analysis (the immutable-fields rule, for constructors). */
  boolean anyEscapeRule() {
    return unpublishedThis || freshObjects || immutableFields;
  }

  private static boolean on(String property) {
    return !"false".equals(System.getProperty(property));
  }
}
