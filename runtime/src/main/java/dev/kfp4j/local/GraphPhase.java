package dev.kfp4j.local;

import dev.kfp4j.local.TaskResult.State;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The phase of a graph that ran, as Argo's {@code assessDAGPhase} ({@code workflow/controller/dag.go}) gives a DAG's:
 * {@link State#Succeeded} when no task failed or was omitted; else the branch phase of the first of its leaf tasks (those no
 * sibling waits for, in the graph's order) whose branch failed, {@link State#Failed} or {@link State#Error}. A task's branch
 * phase is its own where it ran (Cached as Succeeded); a task that did not run (skipped, omitted) takes the first failed
 * branch phase of the tasks it waits for, else Succeeded: the task after one that ended in error ends its branch in error.
 * A graph that failed with no leaf's branch failed (a task run after failures ran last) is Failed.
 */
final class GraphPhase {
  private GraphPhase() {}

  /** The phase of {@code graph}, whose tasks ended in {@code states}, by name. */
  static State of(Plan.Graph graph, Map<String, State> states) {
    if (states.values().stream().noneMatch(s -> s.failed() || s == State.Omitted)) {
      return State.Succeeded;
    }
    Map<String, Plan.Node> nodes = new HashMap<>();
    Set<String> waitedFor = new HashSet<>();
    for (Plan.Node n : graph.nodes()) {
      nodes.put(n.name(), n);
      waitedFor.addAll(n.dependencies());
    }
    Map<String, State> branches = new HashMap<>();
    for (Plan.Node n : graph.nodes()) {
      if (!waitedFor.contains(n.name())) {
        State branch = branch(n.name(), nodes, states, branches);
        if (branch.failed()) {
          return branch;
        }
      }
    }
    return State.Failed;
  }

  private static State branch(String name, Map<String, Plan.Node> nodes, Map<String, State> states, Map<String, State> branches) {
    State known = branches.get(name);
    if (known != null) {
      return known;
    }
    State own = states.get(name);
    State branch = State.Succeeded;
    if (own == State.Failed || own == State.Error) {
      branch = own;
    } else if (own == State.Skipped || own == State.Omitted) {
      List<String> dependencies = nodes.get(name).dependencies();
      for (String d : dependencies) {
        State b = branch(d, nodes, states, branches);
        if (b.failed()) {
          branch = b;
          break;
        }
      }
    }
    branches.put(name, branch);
    return branch;
  }
}
