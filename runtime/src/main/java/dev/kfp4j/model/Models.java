package dev.kfp4j.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers of the model's records. */
final class Models {
  private Models() {}

  /** An unmodifiable copy that keeps the order of {@code map} (null: empty). */
  static <K, V> Map<K, V> copy(Map<K, V> map) {
    return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
