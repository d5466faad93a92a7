package dev.kfp4j.processor.graph;

import java.util.HashMap;
import java.util.Map;

/** Unique step names in a pipeline: {@code add}, {@code add-2}, {@code add-3}..., skipping names taken. */
final class TaskNames {
  private final Map<String, Integer> counts = new HashMap<>();

  String unique(String base) {
    int n = counts.merge(base, 1, Integer::sum);
    String name = n == 1 ? base : base + "-" + n;
    while (n > 1 && counts.containsKey(name)) {
      name = base + "-" + (++n);
    }
    if (n > 1) {
      counts.put(name, 1);
    }
    return name;
  }
}
