package dev.kfp4j.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A cycle among the tasks of a DAG, for the formats' checks: both refuse a DAG whose tasks wait for one another. */
public final class Cycles {
  private Cycles() {}

  /**
   * The first cycle among {@code upstream} (each task to the tasks it waits for), looked for from
   * each task in the map's order: the tasks along it, its first task again at the end ({@code [a,
   * a]} for a task that waits for itself); null when there is none.
   */
  public static List<String> find(Map<String, List<String>> upstream) {
    Set<String> done = new HashSet<>();
    for (String task : upstream.keySet()) {
      List<String> path = cycle(task, upstream, new ArrayList<>(), done);
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  private static List<String> cycle(String task, Map<String, List<String>> upstream, List<String> path, Set<String> done) {
    if (path.contains(task)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(task), path.size()));
      cycle.add(task);
      return cycle;
    }
    if (!done.add(task)) {
      return null;
    }
    path.add(task);
    for (String d : upstream.getOrDefault(task, List.of())) {
      List<String> found = cycle(d, upstream, path, done);
      if (found != null) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    return null;
  }
}
