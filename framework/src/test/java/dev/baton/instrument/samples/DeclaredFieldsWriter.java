package dev.baton.instrument.samples;

import java.lang.reflect.Field;

/** A private field set by its constructor, and by reflection over the declared fields: no name. */
public class DeclaredFieldsWriter {
  private int value;

  public DeclaredFieldsWriter(int v) {
    value = v;
  }

  public void set(int v) throws IllegalAccessException {
    for (Field f : DeclaredFieldsWriter.class.getDeclaredFields()) {
      if (f.getType() == int.class) f.setInt(this, v);
    }
  }

  public int read() {
    return value; //@declared-read
  }
}
