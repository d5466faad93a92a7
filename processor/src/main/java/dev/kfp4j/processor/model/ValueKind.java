package dev.kfp4j.processor.model;

/** How a Java type maps to a KFP type and its text form. */
public enum ValueKind {
  INT("Integer", "intValue"),
  LONG("Integer", "longValue"),
  FLOAT("Float", "floatValue"),
  DOUBLE("Float", "doubleValue"),
  BOOLEAN("Boolean", "booleanValue"),
  STRING("String", "string"),
  ENUM("String", "enumValue"),
  /** One of the JDK's value types read from and written as text ({@code dev.kfp4j.entrypoint.TextTypes}: {@code LocalDate}, ...). */
  TEXT("String", "text"),
  JSON_ARRAY("JsonArray", "json"),
  JSON_OBJECT("JsonObject", "json"),
  /**
   * The pipeline's final status ({@code dev.kfp4j.artifacts.PipelineTaskFinalStatus}), which the
   * exit task takes: KFP's {@code PipelineTaskFinalStatus} input type (KFP 2: {@code
   * TASK_FINAL_STATUS}).
   */
  FINAL_STATUS("PipelineTaskFinalStatus", "finalStatus"),
  /**
   * The task's configuration ({@code dev.kfp4j.artifacts.TaskConfig}, KFP 2's {@code dsl.TaskConfig}), which KFP's driver
   * gives the component: an optional input of type {@code TaskConfig} (KFP 2: {@code TASK_CONFIG}) that no op takes.
   */
  TASK_CONFIG("TaskConfig", "taskConfig"),
  /** A file passed by path ({@code @InputPath}/{@code @OutputPath}). */
  FILE(null, null);

  private final String kfpType;
  private final String getter;

  ValueKind(String kfpType, String getter) {
    this.kfpType = kfpType;
    this.getter = getter;
  }

  /** The KFP type name, or null for files (whose type comes from the annotation). */
  public String kfpType() {
    return kfpType;
  }

  /** The {@code Invocation} method that reads an input of this kind. */
  public String getter() {
    return getter;
  }

  public boolean isJson() {
    return this == JSON_ARRAY || this == JSON_OBJECT;
  }
}
