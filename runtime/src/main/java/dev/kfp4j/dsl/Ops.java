package dev.kfp4j.dsl;

import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for generated ops. */
public final class Ops {
  private Ops() {}

  /** {@code args("a", 1, "b", 2)}: an ordered map of input name to value; null values are left out. */
  public static Map<String, Object> args(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        map.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return map;
  }
}
