package dev.kfp4j.model;

import java.util.List;
import java.util.Objects;

/**
 * An if / else-if / else chain, as KFP 2's {@code dsl.If}, {@code dsl.Elif} and {@code dsl.Else}:
 * the first branch whose predicate holds runs; a last branch without a predicate runs when none
 * does.
 */
public record Branches(String name, List<Condition> branches) implements Node {
  public Branches {
    Objects.requireNonNull(name, "name");
    branches = List.copyOf(branches);
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("branches '" + name + "' has no branch");
    }
    for (int i = 0; i < branches.size() - 1; i++) {
      if (branches.get(i).predicate() == null) {
        throw new IllegalArgumentException("branches '" + name + "': only the last branch may be an else branch");
      }
    }
  }

  /**
   * When branch {@code index} runs: its predicate, and no earlier branch's (an else branch: none of
   * the others').
   */
  public Predicate effectivePredicate(int index) {
    List<Predicate> all = new java.util.ArrayList<>();
    for (int i = 0; i < index; i++) {
      all.add(new Predicate.Not(branches.get(i).predicate()));
    }
    Predicate own = branches.get(index).predicate();
    if (own != null) {
      all.add(own);
    }
    return all.size() == 1 ? all.get(0) : new Predicate.All(all);
  }
}
