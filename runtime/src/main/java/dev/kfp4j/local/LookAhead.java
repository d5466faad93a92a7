package dev.kfp4j.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tasks of one run of a graph have their JVM started ahead ({@link Prestarts}): when a task
 * launches its process (not when it is taken from the cache, so a run that reuses its cached
 * outputs starts no JVM for nothing), each task after it whose upstream tasks all started, or were
 * started ahead, as many levels on as {@link #LEVELS} says, as far as the plan foresees its process
 * ({@link Plan#prelaunch}) and the bound allows; each task's JVM, used or not, goes when the task
 * ends ({@link #ended}).
 */
final class LookAhead {
  /**
   * How many levels of tasks after a launching one are started ahead: one, the tasks right after
   * it; two gave the same wall time on a chain for a little more CPU (bench/results.md).
   */
  static final int LEVELS = 1;

  private final Plan plan;
  private final Prestarts prestarts;
  private final Map<String, Plan.Node> nodes;
  private final Map<String, TaskId> ids;
  private final Map<String, List<String>> downstream = new HashMap<>();
  private final Set<String> started = new HashSet<>();
  private final Set<String> ahead = new HashSet<>();

  /** {@code nodes} and their {@code ids}, by name: one run of a graph. */
  LookAhead(Plan plan, Prestarts prestarts, Map<String, Plan.Node> nodes, Map<String, TaskId> ids) {
    this.plan = plan;
    this.prestarts = prestarts;
    this.nodes = nodes;
    this.ids = ids;
    for (Plan.Node n : nodes.values()) {
      for (String d : n.dependencies()) {
        downstream.computeIfAbsent(d, k -> new ArrayList<>()).add(n.name());
      }
    }
  }

  /** Task {@code name} starts: once it launches its process, the JVMs of the tasks after it start ahead. */
  synchronized void started(String name) {
    started.add(name);
    String id = ids.get(name).id();
    prestarts.claim(id);
    prestarts.whenLaunched(id, () -> launched(name));
  }

  /** Task {@code name} launched its process: the JVMs of the tasks after it start ahead (a speed-up only: on any fault they start as usual). */
  private synchronized void launched(String name) {
    try {
      startAfter(name, 1);
    } catch (RuntimeException e) { // NOPMD: the tasks after it start as usual
      // nothing more starts ahead from here
    }
  }

  private void startAfter(String name, int level) {
    for (String next : downstream.getOrDefault(name, List.of())) {
      if (level > LEVELS || started.contains(next) || ahead.contains(next) || !foreseen(nodes.get(next).dependencies())) {
        continue;
      }
      Prelaunch p = plan.prelaunch(nodes.get(next), ids.get(next));
      if (p != null && prestarts.offer(ids.get(next).id(), p)) {
        ahead.add(next);
        startAfter(next, level + 1);
      }
    }
  }

  private boolean foreseen(List<String> dependencies) {
    for (String d : dependencies) {
      if (!started.contains(d) && !ahead.contains(d)) {
        return false;
      }
    }
    return true;
  }

  /** Task {@code name} ended, ran or not: the JVM started ahead for it, if it was not used, is stopped. */
  void ended(String name) {
    prestarts.discard(ids.get(name).id());
  }
}
