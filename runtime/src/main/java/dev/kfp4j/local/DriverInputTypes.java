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
 * parameter type mismatch"). A value whose producer's type is not known here (a constant, a loop's item, a collected
 * list) is given as it is.
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
  String given(Argument a, InputSpec in, String text, String where) {
    ParameterType from = type(a);
    ParameterType to = ArgumentValues.type(in);
    if (from == null || to == null) {
      return text;
    }
    if (to == ParameterType.STRING) {
      return from.isNumber() || from == ParameterType.BOOLEAN ? LauncherText.of(text.strip(), from) : text;
    }
    if (!kind(from).equals(kind(to))) {
      throw new WorkflowException(where + ": input parameter '" + in.name() + "' type mismatch: expect " + to.v2Name() + ", got "
          + kind(from) + " (" + from.v2Name() + "); KFP's driver fails the task (resolveInputs in backend/src/v2/driver/resolve.go)");
    }
    return text;
  }

  /** The type of the value {@code a} stands for, when known: a pipeline parameter's, a task output's. */
  private ParameterType type(Argument a) {
    if (a instanceof Argument.PipelineParameter p) {
      return pipeline.parameter(p.name()).filter(x -> !x.isArtifact()).map(dev.kfp4j.model.Parameter::type).orElse(null);
    }
    if (a instanceof Argument.TaskOutput o && pipeline.node(o.task()).orElse(null) instanceof Task t) {
      return t.component().outputs().stream().filter(out -> out.name().equals(o.output())).findFirst()
          .map(ArgumentValues::type).orElse(null);
    }
    return null;
  }

  /** The protobuf {@code Value} kind a value of {@code type} is, as the driver names it. */
  private static String kind(ParameterType type) {
    return switch (type) {
      case INTEGER, FLOAT -> "number";
      case BOOLEAN -> "bool";
      case STRING -> "string";
      case LIST -> "list";
      case STRUCT -> "struct";
    };
  }
}
