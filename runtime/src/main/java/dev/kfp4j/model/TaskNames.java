package dev.kfp4j.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Unique step names in a pipeline: {@code add}, {@code add-2}, {@code add-3}..., skipping names
 * taken, so components named {@code add}, {@code add} and {@code add 2} give {@code add},
 * {@code add-2} and {@code add-2-2}. The processor names a pipeline's tasks with it, and {@code
 * ComponentOp} a graph component's.
 */
public final class TaskNames {
  private final Map<String, Integer> counts = new HashMap<>();

  /** Whether {@code name} was given out already. */
  public boolean given(String name) {
    return counts.containsKey(name);
  }

  /** {@code base}, or the first of {@code base-2}, {@code base-3}... not given out yet. */
  public String unique(String base) {
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
