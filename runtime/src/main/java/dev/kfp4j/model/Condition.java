package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * Nodes that run only when {@code predicate} holds, as KFP's {@code dsl.Condition} / {@code
 * dsl.If}. Inside {@link Branches}, the last branch's predicate may be null: it runs when no
 * other branch does ({@code dsl.Else}).
 */
public record Condition(String name, Predicate predicate, List<Node> body) implements Node {
  public Condition {
    Objects.requireNonNull(name, "name");
    body = List.copyOf(body);
  }
}
