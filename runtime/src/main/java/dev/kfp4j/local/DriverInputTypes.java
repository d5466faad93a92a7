package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.InputSpec;

/**
 * A value given to a task's input in a run of a KFP 2 spec, as KFP's driver gives it ({@code
 * handleParamTypeValidationAndConversion} in {@code resolveInputs}, {@code backend/src/v2/driver/resolve.go}). A value
 * is a protobuf {@code Value} of its producer's type (the pipeline input's, or the output's, which KFP's launcher reads
 * by its declared type): an input of {@code STRING} takes any, a number or a boolean as its text ({@code
 * metadata.PbValueToText}: Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}, {@code FormatBool}); any other input
 * takes only a value of its kind (a number for either number type), and the driver fails the task on another ("input
 * parameter type mismatch"). The producer's type is that of the pipeline input, the task output, the constant (its
 * JSON kind in the spec), the list a loop collects, the branch outputs of a {@code dsl.OneOf}, the constants a loop is over,
 * the item of a loop over a list value as the list holds it ({@link LoopItemKinds}); a value whose type is not known here (a
 * field of a constant item) is given as it is.
 */
final class DriverInputTypes {
  private final Pipeline pipeline;

  DriverInputTypes(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /**
   * {@code text}, the value of {@code a} given to input {@code in}, as KFP's driver gives it.
   *
   * @throws WorkflowException naming {@code where} when the driver fails the task on it
   */
  String given(Argument a, InputSpec in, String text, String where, Scope scope) {
    ParameterType to = ArgumentValues.type(in);
    LoopItemKinds.Given item = LoopItemKinds.given(pipeline, a, text, scope, where);
    if (item != null && item.isNull() && to != null) { // KFP's driver: the text of none, or "got null"
      if (to != ParameterType.STRING) {
        throw new WorkflowException(where + ": got null for input parameter '" + in.name() + "'; KFP's driver fails the task "
            + "(resolveInputs in backend/src/v2/driver/resolve.go)");
      }
      return "";
    }
    ParameterType from = item != null ? item.kind() : type(a);
    text = item != null ? item.text() : text;
    if (from == null || to == null) {
      return text;
    }
    if (to == ParameterType.STRING) {
      return from.isNumber() || from == ParameterType.BOOLEAN ? LauncherText.of(text.strip(), from) : text;
    }
    if (!from.valueKind().equals(to.valueKind())) {
      throw new WorkflowException(where + ": input parameter '" + in.name() + "' type mismatch: expect " + to.v2Name() + ", got "
          + from.valueKind() + " (" + from.v2Name() + "); KFP's driver fails the task (resolveInputs in backend/src/v2/driver/resolve.go)");
    }
    return text;
  }

  /**
   * What KFP's driver gives input {@code in}, which the task does not give: none to an optional input (the launcher gives the
   * component its default, {@code addDefaultParams}); none either to an input with a {@code defaultValue} but no {@code
   * isOptional}, as KFP's SDKs before 2.0 wrote them, though {@code resolveInputs}' comment says it takes the default: its
   * type check finds no value, makes a {@code STRING} input the text of none ({@code metadata.PbValueToText(nil)}, empty),
   * and fails the task on any other type.
   *
   * @throws WorkflowException naming {@code where} when the driver fails the task
   */
  String notGiven(InputSpec in, String where) {
    ParameterType to = ArgumentValues.type(in);
    if (in.optional() || in.defaultValue() == null || to == null) {
      return in.defaultValue();
    }
    if (to == ParameterType.STRING) {
      return "";
    }
    throw new WorkflowException(where + ": input parameter '" + in.name() + "' (" + to.v2Name() + ") has a defaultValue but no "
        + "isOptional (as KFP's SDKs before 2.0 wrote them), and the task gives it none; KFP's driver takes no default for it and "
        + "fails the task (resolveInputs in backend/src/v2/driver/resolve.go: \"unknown protobuf.Value type\"): give the input "
        + "in the task, or mark it isOptional: true");
  }

  /**
   * The type of the value {@code a} stands for, when known: a pipeline parameter's, a task output's, a constant's own (a KFP 2
   * spec's {@code runtimeValue.constant} is a protobuf value of its JSON kind, whatever the input declares), a collected
   * list's ({@code CollectInputs} gives a list value), one of the outputs of a chain of branches' (the type its branches'
   * outputs share), the item of a loop over constants of one type.
   */
  private ParameterType type(Argument a) {
    if (a instanceof Argument.PipelineParameter p) {
      return pipeline.parameter(p.name()).filter(x -> !x.isArtifact()).map(dev.kfp4j.model.Parameter::type).orElse(null);
    }
    if (a instanceof Argument.TaskOutput o && pipeline.node(o.task()).orElse(null) instanceof Task t) {
      return t.component().outputs().stream().filter(out -> out.name().equals(o.output())).findFirst()
          .map(ArgumentValues::type).orElse(null);
    }
    if (a instanceof Argument.Constant c) {
      return c.type();
    }
    if (a instanceof Argument.Collected) {
      return ParameterType.LIST;
    }
    if (a instanceof Argument.OneOf o) {
      return shared(o.outputs().stream().map(this::type).toList());
    }
    if (a instanceof Argument.LoopItem item && item.field() == null
        && pipeline.node(item.loop()).orElse(null) instanceof dev.kfp4j.model.Loop loop
        && loop.items() instanceof dev.kfp4j.model.Loop.Constants items) {
      return shared(items.values().stream().map(Argument.Constant::type).toList());
    }
    return null;
  }

  /** The one type all of {@code types} are, else null. */
  private static ParameterType shared(java.util.List<ParameterType> types) {
    return types.isEmpty() || types.contains(null) || types.stream().distinct().count() > 1 ? null : types.get(0);
  }
}
