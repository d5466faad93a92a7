package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * Nodes run once per item, in parallel (at most {@code parallelism} at once; 0: no limit), as
 * KFP's {@code dsl.ParallelFor}. The items are constants given in the pipeline, or a list value
 * (a pipeline parameter or a task output) known when the pipeline runs, or a list of artifacts (a
 * pipeline artifact parameter taking a list, KFP's {@code Input[List[Model]]}, or the artifacts a
 * loop collects; KFP 2's {@code artifactIterator}): then each item is one artifact ({@link
 * Pipeline#overArtifacts}). Inside, {@link Argument.LoopItem} names the current item. {@code displayName} is the loop's
 * own name ({@code dsl.ParallelFor(items, name='loop')}, KFP 2's {@code taskInfo.name}), or null: its name.
 */
public record Loop(String name, Items items, int parallelism, List<Node> body, String displayName) implements Node {
  public Loop {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(items, "items");
    if (parallelism < 0) {
      throw new IllegalArgumentException("loop '" + name + "': parallelism must be 0 (no limit) or more, not " + parallelism);
    }
    body = List.copyOf(body);
    if (displayName != null && displayName.isBlank()) {
      throw new IllegalArgumentException("loop '" + name + "': its display name is blank; give a name or none (null)");
    }
  }

  /** A loop without a display name of its own. */
  public Loop(String name, Items items, int parallelism, List<Node> body) {
    this(name, items, parallelism, body, null);
  }

  /** This loop with other nodes, its name, items, parallelism and display name kept. */
  public Loop withBody(List<Node> body) {
    return new Loop(name, items, parallelism, body, displayName);
  }

  /** This loop over other items, the rest kept. */
  public Loop withItems(Items items) {
    return new Loop(name, items, parallelism, body, displayName);
  }

  /** What a loop iterates over. */
  public sealed interface Items {}

  /** Constant items: values, or JSON objects (records) whose fields the body reads. */
  public record Constants(List<Argument.Constant> values) implements Items {
    public Constants {
      values = List.copyOf(values);
    }
  }

  /**
   * The items of a JSON list, a pipeline parameter or a task output; or of a list of artifacts, a
   * pipeline artifact parameter or a {@link Argument.Collected} of artifacts, one artifact an item.
   * {@code itemType}: the type of an item of a list value as a KFP 2 spec declares it (KFP's compiler
   * types an item of a {@code List[dict]} {@code STRUCT}), or null: what the body makes of it.
   */
  public record Over(Argument source, ParameterType itemType) implements Items {
    public Over {
      Objects.requireNonNull(source, "source");
      if (source instanceof Argument.Constant) {
        throw new IllegalArgumentException("loop over a constant: use Loop.Constants");
      }
    }

    /** Over the items of {@code source}, their type what the body makes of them. */
    public Over(Argument source) {
      this(source, null);
    }
  }
}
