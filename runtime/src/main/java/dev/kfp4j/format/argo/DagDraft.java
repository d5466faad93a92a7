package dev.kfp4j.format.argo;

import dev.kfp4j.model.Node;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A node {@link DagReader} read, with the dependencies its DAG task names, until the DAG's siblings are all known. */
final class DagDraft {
  final String name;
  final List<String> dependencies;
  final List<DagDraft> children = new ArrayList<>();
  /** For a step: what makes it; for a group: how to make it from its children. */
  java.util.function.BiFunction<List<String>, List<Node>, Node> make;
  final List<String> after = new ArrayList<>();
  boolean group;

  DagDraft(String name, List<String> dependencies) {
    this.name = name;
    this.dependencies = dependencies;
  }

  /**
   * The step names inside this node that no step inside it waits for (itself for a step), in its order: a task waiting for a
   * nested DAG waits for those, as Argo makes it a child of that DAG's outbound nodes, its leaves ({@code executeDAGTask},
   * workflow/controller/dag.go), so that where it does not run its branch phase comes from them ({@code assessDAGPhase}), not
   * from a step inside that comes first but that a leaf waits for.
   */
  List<String> leafStepNames() {
    Set<String> waited = new HashSet<>();
    waitedFor(waited);
    List<String> out = new ArrayList<>(stepNames());
    out.removeAll(waited);
    return out;
  }

  private void waitedFor(Set<String> out) {
    out.addAll(after);
    children.forEach(c -> c.waitedFor(out));
  }

  /** The step names inside this node (itself for a step). */
  List<String> stepNames() {
    List<String> out = new ArrayList<>();
    if (!group) {
      out.add(name);
    }
    for (DagDraft c : children) {
      out.addAll(c.stepNames());
    }
    return out;
  }

  void pushAfter(List<String> names) {
    if (!group) {
      after.addAll(0, names);
    }
    for (DagDraft c : children) {
      c.pushAfter(names);
    }
  }

  /** The node, {@code afterAll} the tasks that wait for others whatever happened to them ({@link AfterAll}). */
  Node build(Set<String> afterAll) {
    List<Node> body = new ArrayList<>();
    for (DagDraft c : children) {
      if (c.make == null) {
        for (DagDraft g : c.children) {
          body.add(g.build(afterAll)); // a plain nested DAG: its nodes are the parent's
        }
      } else {
        body.add(c.build(afterAll));
      }
    }
    return make.apply(after, VolumeManifests.withDeletions(body, afterAll));
  }
}
