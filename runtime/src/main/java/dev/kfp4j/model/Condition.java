package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * Nodes that run only when {@code predicate} holds, as KFP's {@code dsl.Condition} / {@code
 * dsl.If}. Inside {@link Branches}, the last branch's predicate may be null: it runs when no
 * other branch does ({@code dsl.Else}). Outside a chain, a null predicate makes a group whose nodes
 * always run: the group of one of KFP 2's exit handlers ({@code with dsl.ExitHandler(exit_task):}, {@code exit-handler-N}),
 * whose exit task is a task beside it that waits for every step in it whatever happened ({@link
 * RunSetting.IgnoreUpstreamFailure}), as kfp4j reads KFP's spec of it. {@code displayName} is the group's own name
 * ({@code dsl.ExitHandler(t, name='notify')}, {@code dsl.If(c, name='big')}, {@code dsl.Elif}'s and {@code dsl.Else}'s;
 * KFP 2's {@code taskInfo.name}), or null: its name.
 */
public record Condition(String name, Predicate predicate, List<Node> body, String displayName) implements Node {
  public Condition {
    Objects.requireNonNull(name, "name");
    body = List.copyOf(body);
    if (displayName != null && displayName.isBlank()) {
      throw new IllegalArgumentException("group '" + name + "': its display name is blank; give a name or none (null)");
    }
  }

  /** A condition (or group) without a display name of its own. */
  public Condition(String name, Predicate predicate, List<Node> body) {
    this(name, predicate, body, null);
  }

  /** This group with another predicate, its name, nodes and display name kept. */
  public Condition withPredicate(Predicate predicate) {
    return new Condition(name, predicate, body, displayName);
  }

  /** This group with other nodes, its name, predicate and display name kept. */
  public Condition withBody(List<Node> body) {
    return new Condition(name, predicate, body, displayName);
  }
}
