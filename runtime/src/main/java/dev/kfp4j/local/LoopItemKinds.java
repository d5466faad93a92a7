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
    ParameterType kind = ParameterType.ofJson(v); // null for a null
    if (declared == ParameterType.STRING && kind != ParameterType.STRING) { // the iteration made the item its text
      if (item.field() != null) {
        return null;
      }
      return new Given(ParameterType.STRING, kind == null ? "" : LauncherText.of(text.strip(), kind), false);
    }
    if (declared != null && (kind == null || !declared.valueKind().equals(kind.valueKind()))) {
      throw new WorkflowException(where + ": the item " + v + " of loop '" + loop.name() + "' is a "
          + (kind == null ? "null" : kind.valueKind()) + ", and the loop declares its items " + declared.v2Name()
          + "; KFP's driver fails the loop's iteration (resolveInputs in backend/src/v2/driver/resolve.go: \"input parameter "
          + "type mismatch\")");
    }
    JsonNode value = item.field() == null ? v : v.path(item.field());
    return value.isNull() ? new Given(null, "", true) : new Given(ParameterType.ofJson(value), text, false);
  }
}
