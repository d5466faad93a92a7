package dev.kfp4j.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One parameter of a {@code @Component} method: a value input, a file input, a file output
 * ({@code @OutputPath}, which is a parameter but an output of the component), an input artifact,
 * a list of input artifacts ({@code List<Model>}), or an output artifact ({@code @Out}).
 *
 * @param javaName the parameter's name in the method
 * @param name the KFP input (or output) name
 * @param role value, file input or file output
 * @param kind the value kind ({@link ValueKind#FILE} for paths and artifacts)
 * @param javaType the parameter's declared type
 * @param valueType the type of the value inside an {@code Optional}, else {@code javaType} (for an
 *     artifact, its class, such as {@code Dataset})
 * @param optionalWrapper whether the parameter is an {@code Optional<T>}
 * @param pathAsString whether a path parameter is a {@code String} rather than a {@code Path}
 * @param kfpType the KFP type name, or null for untyped (for an artifact, its class's simple name)
 * @param optional whether the input may be left out
 * @param defaultText the default in KFP text form, or null
 * @param description from the method's {@code @param} Javadoc, or null
 */
public record InputModel(
    String javaName,
    String name,
    Role role,
    ValueKind kind,
    TypeName javaType,
    TypeName valueType,
    boolean optionalWrapper,
    boolean pathAsString,
    String kfpType,
    boolean optional,
    String defaultText,
    String description) {

  /** What a parameter is to the component. */
  public enum Role {
    VALUE,
    INPUT_PATH,
    OUTPUT_PATH,
    INPUT_ARTIFACT,
    OUTPUT_ARTIFACT,
    /** An input taking a list of artifacts ({@code List<Model>}, KFP 2's {@code Input[List[Model]]}). */
    INPUT_ARTIFACTS
  }

  /** Whether the component writes it: {@code @OutputPath} and {@code @Out}. */
  public boolean isOutput() {
    return role == Role.OUTPUT_PATH || role == Role.OUTPUT_ARTIFACT;
  }

  /**
   * Whether it is a file output the entrypoint writes through a KFP v1 UI file type ({@code
   * MlpipelineMetrics}, {@code MlpipelineUiMetadata}), made from the output's path.
   */
  public boolean isV1UiFile() {
    return role == Role.OUTPUT_PATH && javaType instanceof com.palantir.javapoet.ClassName c
        && c.packageName().equals("dev.kfp4j.artifacts");
  }

  /** Whether the program reads it as a file: {@code @InputPath} and input artifacts. */
  public boolean isInputFile() {
    return role == Role.INPUT_PATH || role == Role.INPUT_ARTIFACT || role == Role.INPUT_ARTIFACTS;
  }
}
