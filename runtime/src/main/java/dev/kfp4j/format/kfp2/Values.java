package dev.kfp4j.format.kfp2;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import tools.jackson.databind.JsonNode;

/** KFP 2's JSON values ({@code google.protobuf.Value}) in KFP's text form, and back. */
final class Values {
  private Values() {}

  /** The text form of {@code value} as a parameter of {@code type}: {@code 3} for {@code 3.0} of an integer, {@code True}. */
  static String text(JsonNode value, ParameterType type) {
    if (value.isString()) {
      return value.asString();
    }
    if (value.isBoolean()) {
      return value.asBoolean() ? "True" : "False";
    }
    if (value.isNumber()) {
      if (type == ParameterType.INTEGER || (value.isIntegralNumber() && type != ParameterType.FLOAT)) {
        return Long.toString((long) value.asDouble());
      }
      return KfpValues.formatFloat(value.asDouble());
    }
    return dev.kfp4j.yaml.Yaml.pyJson(value);
  }

  /** A constant as the model holds it: its text and type (the input's, else what the JSON value is). */
  static Argument.Constant constant(JsonNode value, ParameterType type) {
    ParameterType t = type != null ? type : java.util.Objects.requireNonNullElse(ParameterType.ofJson(value), ParameterType.STRUCT);
    return new Argument.Constant(text(value, t), t);
  }

  /**
   * The placeholder KFP 2's backend replaces with a value of the run, given as a constant, as KFP's
   * {@code dsl.PIPELINE_JOB_ID_PLACEHOLDER} ({@code {{$.pipeline_job_uuid}}}) and the others
   * (KFP's driver, {@code resolve.go}, replaces a constant that is exactly one of them); null for
   * the run's status, which KFP 2 gives no task as a value.
   */
  static String runPlaceholder(Argument.RunValue.Kind kind) {
    return switch (kind) {
      case RUN_ID -> "{{$.pipeline_job_uuid}}";
      case RUN_NAME -> "{{$.pipeline_job_name}}";
      case STATUS -> null;
      case RESOURCE_NAME -> "{{$.pipeline_job_resource_name}}";
      case CREATE_TIME -> "{{$.pipeline_job_create_time_utc}}";
      case SCHEDULE_TIME -> "{{$.pipeline_job_schedule_time_utc}}";
      case TASK_NAME -> "{{$.pipeline_task_name}}";
      case TASK_ID -> "{{$.pipeline_task_uuid}}";
    };
  }

  /** The run value a constant's text is the placeholder of, or null. */
  static Argument.RunValue runValue(String text) {
    for (Argument.RunValue.Kind k : Argument.RunValue.Kind.values()) {
      if (text.equals(runPlaceholder(k))) {
        return new Argument.RunValue(k);
      }
    }
    return null;
  }

  /** The items of a loop over the JSON list {@code json} (records as JSON objects, the rest as constants of their type). */
  static dev.kfp4j.model.Loop.Constants loopItems(String json, String where) {
    JsonNode list = dev.kfp4j.yaml.Yaml.readJson(json);
    if (!list.isArray()) {
      throw new dev.kfp4j.format.FormatException(where + ": loops over " + json + ", which is no list");
    }
    java.util.List<Argument.Constant> values = new java.util.ArrayList<>();
    for (JsonNode v : list) {
      values.add(v.isObject() ? new Argument.Constant(dev.kfp4j.yaml.Yaml.jsonText(v), ParameterType.STRUCT) : constant(v, null));
    }
    return new dev.kfp4j.model.Loop.Constants(values);
  }
}
