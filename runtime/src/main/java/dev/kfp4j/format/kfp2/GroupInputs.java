package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The inputs of a DAG component (a nested pipeline, a loop, a condition) that its task does not
 * give, as KFP's driver fills them in when it starts the DAG ({@code resolveInputs} in {@code
 * backend/src/v2/driver/resolve.go}, its {@code isDagDriver} case): an optional input with a default
 * takes the default; one without a default is null, and a task inside that takes it as an optional
 * input of its own is started without it (its component's default applies), as KFP's driver skips
 * a null value given to an optional input. kfp4j's model has no null argument: such an input is
 * {@link #isAbsent absent} while the DAG is read, and left out of the tasks that take it. An optional
 * input artifact not given is absent too (though a task inside reading it fails on KFP, {@code
 * resolveInputArtifact}, which a run refuses: {@link LeftOutArtifacts}). An input with a default but
 * no {@code isOptional} (as KFP's SDKs before 2.0 wrote them) gets no default from the driver: its
 * type check ({@code handleParamTypeValidationAndConversion}) makes a {@code STRING} one the empty text
 * ({@code metadata.PbValueToText} of no value), and fails on any other type ("unknown protobuf.Value
 * type"), which a run refuses ({@link DagInputTypes}); read for a picture, such an input is its default.
 */
final class GroupInputs {
  /** Says why an absent input has no value, in errors. */
  static final String ABSENT_WHAT = "an optional input of a nested pipeline without default, which the nested pipeline's caller "
      + "does not give";
  /** An optional input given nothing, known by identity only: never an argument of the model. */
  private static final Argument ABSENT = new Argument.Constant("", ParameterType.STRING);

  private GroupInputs() {}

  static boolean isAbsent(Argument a) {
    return a == ABSENT;
  }

  /** Fills {@code given}, the arguments of a task running DAG component {@code comp}, with what KFP's driver gives the rest. */
  static void notGiven(Map<String, Argument> given, JsonNode comp) {
    for (Map.Entry<String, JsonNode> p : comp.path("inputDefinitions").path("parameters").properties()) {
      JsonNode def = p.getValue();
      if (given.containsKey(p.getKey()) || !def.has("defaultValue") && !def.path("isOptional").asBoolean(false)) {
        continue;
      }
      ParameterType type = ParameterType.ofV2Name(def.path("parameterType").asString(""));
      if (def.path("isOptional").asBoolean(false)) {
        given.put(p.getKey(), def.has("defaultValue") ? Values.constant(def.get("defaultValue"), type) : ABSENT);
      } else { // an old SDK's: not its default, but the text of no value (the driver fails on another type)
        given.put(p.getKey(), type == ParameterType.STRING ? Argument.Constant.of("") : Values.constant(def.get("defaultValue"), type));
      }
    }
    for (Map.Entry<String, JsonNode> a : comp.path("inputDefinitions").path("artifacts").properties()) {
      if (!given.containsKey(a.getKey()) && a.getValue().path("isOptional").asBoolean(false)) {
        given.put(a.getKey(), ABSENT);
      }
    }
  }

  /**
   * Puts {@code argument} as input {@code input} of a task running {@code comp}, unless it is
   * absent: then a DAG component gets it absent in turn, and a container component that takes the
   * input ({@code kind}: {@code parameters} or {@code artifacts}) as optional goes without it.
   *
   * @throws FormatException naming {@code where} when such a component's input is not optional
   */
  static void put(Map<String, Argument> arguments, String input, Argument argument, JsonNode comp, String kind, String where) {
    if (argument != ABSENT || comp.has("dag")) {
      arguments.put(input, argument);
    } else if (!comp.path("inputDefinitions").path(kind).path(input).path("isOptional").asBoolean(false)) {
      throw new FormatException(where + ": it is given no value: it comes from " + ABSENT_WHAT + ", but its component's input "
          + "is not optional (KFP's driver fails such a task): have the caller pass it, or give it a default");
    }
  }
}
