package dev.kfp4j.spec;

import java.util.Objects;

/**
 * A KFP type: a plain name such as {@code Integer} or {@code CSV}, or a structured type (a map,
 * such as {@code {GCSPath: {data_type: CSV}}}) kept as the parsed YAML value.
 */
public record TypeSpec(Object value) {
  /**
   * The type of an exit task's input that takes the pipeline's status ({@code
   * Argument.RunValue.Kind.STATUS}), as KFP's SDK names it: a {@code TASK_FINAL_STATUS} parameter
   * in KFP 2, which gives it as a struct ({@code {"state": "SUCCEEDED", ...}}).
   */
  public static final TypeSpec TASK_FINAL_STATUS = new TypeSpec("PipelineTaskFinalStatus");
  /**
   * The type of a component's input that takes its task's configuration, as KFP's SDK names it
   * ({@code dsl.TaskConfig}): a {@code TASK_CONFIG} parameter in KFP 2, which no task gives: KFP's
   * driver fills it ({@link TaskConfigs}).
   */
  public static final TypeSpec TASK_CONFIG = new TypeSpec("TaskConfig");

  public TypeSpec {
    Objects.requireNonNull(value, "value");
  }

  public static TypeSpec named(String name) {
    return new TypeSpec(name);
  }

  /** The plain type name, or null for a structured type. */
  public String name() {
    return value instanceof String s ? s : null;
  }

  /**
   * Whether the type is a KFP 2 artifact's schema title: a namespace and a type, {@code
   * system.Dataset} or another tool's, such as Google Cloud's {@code google.VertexModel}; with a
   * schema version other than KFP's {@code 0.0.1} as KFP's SDK writes one, {@code google.VertexModel@0.0.0}.
   */
  public boolean isSchemaTitle() {
    String n = name() == null ? null : withoutVersion(name());
    int dot = n == null ? -1 : n.indexOf('.');
    if (dot < 1 || dot == n.length() - 1 || n.indexOf('.', dot + 1) >= 0 || !Character.isUpperCase(n.charAt(dot + 1))) {
      return false;
    }
    for (int i = 0; i < dot; i++) {
      char c = n.charAt(i);
      if (!(c >= 'a' && c <= 'z' || i > 0 && (c >= '0' && c <= '9' || c == '_'))) {
        return false;
      }
    }
    return true;
  }

  /** A schema title without the version KFP's SDK bundles with it: {@code google.VertexModel} of {@code google.VertexModel@0.0.0}. */
  public static String withoutVersion(String title) {
    int at = title.indexOf('@');
    return at < 0 ? title : title.substring(0, at);
  }

  // equals and hashCode written out, as a record's own would be (each component in order, 31 * h + hash):
  // the generated ones are bootstrapped through method handles on first use, which costs a cold JVM (javac
  // running the processor) milliseconds per record class.
  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof TypeSpec o && Objects.equals(value, o.value);
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(value);
    return h;
  }

  @Override
  public String toString() {
    return String.valueOf(value);
  }
}
