package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import tools.jackson.databind.JsonNode;

/**
 * The item of a loop over a list value in a run of a KFP 2 spec, as KFP's drivers give it ({@code resolveInputs} in {@code
 * backend/src/v2/driver/resolve.go}). The iteration's driver takes the list's item as it is, a protobuf {@code Value} of its
 * JSON kind, and checks it against the type the loop declares its items (the iteration DAG's input): a {@code STRING} item
 * type makes any item its text ({@code metadata.PbValueToText}: Go's number and boolean forms, none for a null), another
 * type fails the iteration on an item of another kind or a null. The task reading the item, or a field of it, gets that
 * value, which its own driver checks in turn ({@link DriverInputTypes}). A list or a struct made text is given as the run
 * holds it (KFP's {@code protojson} spacing is its own).
 */
final class LoopItemKinds {
  private LoopItemKinds() {}

  /** The value a task is given: of {@code kind} (null when not known), as {@code text}; or a null. */
  record Given(ParameterType kind, String text, boolean isNull) {}

  /**
   * What {@code a}, given as {@code text}, is when it is the item of a loop over a list value (or a field of it); null for any
   * other argument.
   *
   * @throws WorkflowException naming {@code where} when KFP's driver fails the loop's iteration on the item
   */
  static Given given(Pipeline pipeline, Argument a, String text, Scope scope, String where) {
    if (!(a instanceof Argument.LoopItem item) || !(pipeline.node(item.loop()).orElse(null) instanceof Loop loop)
        || !(loop.items() instanceof Loop.Over over)) {
      return null;
    }
    JsonNode v = scope.item(item.loop());
    if (v == null) {
      return null;
    }
    ParameterType declared = over.itemType();
    if (declared == ParameterType.STRING && !v.isString()) { // the iteration made the item its text
      if (item.field() != null) {
        return null;
      }
      ParameterType kind = kind(v);
      return new Given(ParameterType.STRING, v.isNull() ? "" : LauncherText.of(text.strip(), kind), false);
    }
    if (declared != null && (v.isNull() || !declared.valueKind().equals(kind(v).valueKind()))) {
      throw new WorkflowException(where + ": the item " + v + " of loop '" + loop.name() + "' is a "
          + (v.isNull() ? "null" : kind(v).valueKind()) + ", and the loop declares its items " + declared.v2Name()
          + "; KFP's driver fails the loop's iteration (resolveInputs in backend/src/v2/driver/resolve.go: \"input parameter "
          + "type mismatch\")");
    }
    JsonNode value = item.field() == null ? v : v.path(item.field());
    return value.isNull() ? new Given(null, "", true) : new Given(kind(value), text, false);
  }

  /** The type of a value of {@code v}'s JSON kind (a number a double, as KFP holds it), or null for a null or none. */
  private static ParameterType kind(JsonNode v) {
    if (v.isString()) {
      return ParameterType.STRING;
    }
    if (v.isNumber()) {
      return ParameterType.FLOAT;
    }
    if (v.isBoolean()) {
      return ParameterType.BOOLEAN;
    }
    return v.isArray() ? ParameterType.LIST : v.isObject() ? ParameterType.STRUCT : null;
  }
}
