package dev.kfp4j.local;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.format.GoFloats;
import dev.kfp4j.model.ParameterType;

/**
 * A value on a command line as KFP 2's launcher puts it there: its {@code {{$.inputs.parameters['x']}}} placeholders take
 * the parameter's JSON value as text ({@code getPlaceholders} in {@code backend/src/v2/component/launcher_v2.go}), so a
 * boolean is {@code true} or {@code false} (Go's {@code strconv.FormatBool}; KFP's {@code kfp.local} writes the same), and
 * a number, which KFP 2 holds as a double, is Go's {@code strconv.FormatFloat(v, 'f', -1, 64)}: {@code 20}, {@code 0.1},
 * {@code 0.00001}, never an exponent. Where KFP v1 (and so an Argo workflow) gives {@code True} and {@code 1e-05}, KFP's
 * text forms, which the run's model holds. A text, a list or a struct is given as it is.
 */
final class LauncherText {
  private LauncherText() {}

  /** {@code text}, a value of {@code type} in KFP's text form, as KFP 2's launcher writes it; as it is when it does not read. */
  static String of(String text, ParameterType type) {
    if (type == null) {
      return text;
    }
    try {
      return switch (type) {
        case BOOLEAN -> Boolean.toString(KfpValues.parseBoolean(text));
        case INTEGER, FLOAT -> GoFloats.f(KfpValues.parseDouble(text));
        default -> text;
      };
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
