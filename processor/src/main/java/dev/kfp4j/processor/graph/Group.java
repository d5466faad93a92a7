package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A group of the DAG being read: the pipeline's root, a condition ({@code condition-N}: of {@code
 * Dsl.when}, or one branch of a chain), a chain of branches ({@code condition-branches-N}: {@code
 * Dsl.when(...).orWhen(...).otherwise(...)}, whose members are its branches) or a loop ({@code
 * for-loop-N}) or the group of one of several exit handlers ({@code exit-handler-N}: KFP 2's, a pipeline's
 * exit handler beside others or beside tasks), with its members (steps and groups) in body order.
 */
public final class Group {
  /** What a group is. */
  public enum Kind {
    ROOT,
    CONDITION,
    BRANCHES,
    LOOP,
    EXIT_HANDLER
  }

  /** Null for the first branch of a chain until it is numbered ({@link #number}). */
  private String name;
  private final Kind kind;
  private final Group parent;
  final List<Object> members = new ArrayList<>();
  final Predicate predicate;
  final Loop.Items items;
  final int parallelism;
  private final ParameterType itemType;
  private final Map<String, ParameterType> fieldTypes;
  private final dev.kfp4j.processor.base.Position itemsAt;
  /**
   * The group's own name ({@code Dsl.exitHandler(t, "notify", ...)}, {@code Dsl.when(c, "big", ...)}, {@code
   * Dsl.forEach(xs, "loop", ...)}), or null.
   */
  String displayName;

  private Group(String name, Kind kind, Group parent, Predicate predicate, Loop.Items items, int parallelism,
      ParameterType itemType, Map<String, ParameterType> fieldTypes, dev.kfp4j.processor.base.Position itemsAt) {
    this.name = name;
    this.kind = kind;
    this.parent = parent;
    this.predicate = predicate;
    this.items = items;
    this.parallelism = parallelism;
    this.itemType = itemType;
    this.fieldTypes = fieldTypes;
    this.itemsAt = itemsAt;
  }

  static Group root() {
    return new Group(null, Kind.ROOT, null, null, null, 0, null, Map.of(), null);
  }

  static Group condition(int number, Group parent, Predicate predicate) {
    return new Group("condition-" + number, Kind.CONDITION, parent, predicate, null, 0, null, Map.of(), null);
  }

  /** The first branch of a chain, numbered ({@link #number}) when the second branch is added, after the groups in its body. */
  static Group firstBranch(Group chain, Predicate predicate) {
    return new Group(null, Kind.CONDITION, chain, predicate, null, 0, null, Map.of(), null);
  }

  /** Gives the first branch of a chain its number. */
  void number(int number) {
    if (name != null) {
      throw new IllegalStateException("group '" + name + "' is numbered");
    }
    name = "condition-" + number;
  }

  /** A chain of branches; its members are conditions, the last one's predicate null for an else branch. */
  static Group branches(int number, Group parent) {
    return new Group("condition-branches-" + number, Kind.BRANCHES, parent, null, null, 0, null, Map.of(), null);
  }

  /** The group of one of several exit handlers: its members always run, and its exit task waits for them beside it. */
  static Group exitHandler(int number, Group parent) {
    return new Group("exit-handler-" + number, Kind.EXIT_HANDLER, parent, null, null, 0, null, Map.of(), null);
  }

  /** The key of {@link #itemType}'s field types under which a map item's values have their type: no Java name. */
  public static final String MAP_VALUES = "*";

  static Group loop(int number, Group parent, Loop.Items items, int parallelism, ParameterType itemType,
      Map<String, ParameterType> fieldTypes, dev.kfp4j.processor.base.Position itemsAt) {
    return new Group("for-loop-" + number, Kind.LOOP, parent, null, items, parallelism, itemType, Map.copyOf(fieldTypes), itemsAt);
  }

  /**
   * Gives a condition, a branch or a loop its own name, KFP 2's display name of its group ({@code dsl.If(c, name='big')},
   * {@code dsl.ParallelFor(xs, name='loop')}); null: none.
   */
  public void displayName(String displayName) {
    this.displayName = displayName;
  }

  /** {@code condition-N}, {@code condition-branches-N}, {@code for-loop-N} or {@code exit-handler-N}; null for the root. */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** The group this one is in; null for the root. */
  public Group parent() {
    return parent;
  }

  /** What a loop iterates over; null for another group. */
  public Loop.Items items() {
    return items;
  }

  /** Where a loop's items are written ({@code xs} of {@code Dsl.forEach(xs, x -> ...)}); null for another group. */
  public dev.kfp4j.processor.base.Position itemsPosition() {
    return itemsAt;
  }

  /**
   * The type of this loop's item ({@code field} null) or of one of its fields, as the body's Java
   * code sees it; null when it is not a parameter type.
   */
  public ParameterType itemType(String field) {
    return field == null ? itemType : fieldTypes.containsKey(field) ? fieldTypes.get(field) : fieldTypes.get(MAP_VALUES);
  }

  /** Whether {@code this} is a loop or inside one. */
  public boolean inLoop() {
    for (Group g = this; g != null; g = g.parent) {
      if (g.kind == Kind.LOOP) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code this} is {@code other} or inside it. */
  public boolean within(Group other) {
    for (Group g = this; g != null; g = g.parent) {
      if (g == other) {
        return true;
      }
    }
    return false;
  }
}
