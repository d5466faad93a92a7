package dev.kfp4j.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a picture of a pipeline shows, before it is laid out: boxes (the steps), groups holding
 * boxes and groups (conditions, loops, the exit handler), and edges between them. Every shape has
 * an id ({@code n0}, {@code n1}... for boxes, {@code g0}... for groups, in the order the pipeline
 * is written) that no name can break, and the pipeline's own name for it.
 */
public record Diagram(String title, List<Shape> shapes, List<Edge> edges) {
  public Diagram {
    Objects.requireNonNull(title, "title");
    shapes = List.copyOf(shapes);
    edges = List.copyOf(edges);
  }

  /** A box or a group. */
  public sealed interface Shape permits Box, Group {
    String id();

    /** The node's name in the pipeline. */
    String name();
  }

  /** What a box runs. */
  public enum BoxKind {
    /** A task running a component. */
    TASK,
    /** A volume made for the run. */
    VOLUME,
    /** An action on a Kubernetes resource. */
    RESOURCE,
    /** An artifact that exists already, imported into the run ({@code dsl.importer}). */
    IMPORTER,
    /** The exit task: it runs when the rest ends, whatever its outcome. */
    EXIT
  }

  /** A step: its name, drawn bold, and the lines below it (the component, the display name...). */
  public record Box(String id, String name, BoxKind kind, List<String> lines) implements Shape {
    public Box {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      lines = List.copyOf(lines);
    }
  }

  /** What a group is. */
  public enum GroupKind {
    /** Runs its shapes when a condition holds. */
    CONDITION,
    /** An if / elif / else chain: holds one {@link #CONDITION} group per branch. */
    BRANCHES,
    /** Runs its shapes once per item. */
    LOOP,
    /** Holds the pipeline's steps; its exit task runs when they end. */
    EXIT_HANDLER
  }

  /** A group: its label ({@code if flip-coin.Output == "heads"}) and what it holds. */
  public record Group(String id, String name, GroupKind kind, String label, List<Shape> children) implements Shape {
    public Group {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(label, "label");
      children = List.copyOf(children);
    }
  }

  /** How one shape waits for another. */
  public enum EdgeKind {
    /** A value flows: a parameter. */
    VALUE,
    /** A file or artifact flows, or a volume is mounted. */
    FILE,
    /** Only the order: {@code after}, or the exit handler. */
    AFTER
  }

  /**
   * {@code to} waits for {@code from} (ids of shapes); the label has one line per thing that flows
   * ({@code Output → msg}), none for an {@link EdgeKind#AFTER} edge without one.
   */
  public record Edge(String from, String to, EdgeKind kind, List<String> label) {
    public Edge {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(kind, "kind");
      label = List.copyOf(label);
    }
  }

  /** Every shape at any depth, each group before what it holds, in the order written. */
  public List<Shape> allShapes() {
    List<Shape> out = new ArrayList<>();
    collect(shapes, out);
    return out;
  }

  private static void collect(List<Shape> shapes, List<Shape> out) {
    for (Shape s : shapes) {
      out.add(s);
      if (s instanceof Group g) {
        collect(g.children(), out);
      }
    }
  }
}
