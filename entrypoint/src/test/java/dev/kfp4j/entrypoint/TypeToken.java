package dev.kfp4j.entrypoint;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type such as {@code List<Integer>} for the tests of JSON conversion: {@code new
 * TypeToken<List<Integer>>() {}}.
 */
abstract class TypeToken<T> {
  private final Type type;

  protected TypeToken() {
    this.type = ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
  }

  public final Type type() {
    return type;
  }
}
