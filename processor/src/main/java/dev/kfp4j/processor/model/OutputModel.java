package dev.kfp4j.processor.model;

import com.palantir.javapoet.TypeName;

/**
 * One output of a component: the returned value ({@code Output}), a component of a returned
 * record, or an {@code @OutputPath} file.
 *
 * @param name the KFP output name
 * @param accessor the method on the generated task that refers to it
 * @param source how the entrypoint gets it: the return value, a record accessor, or a file
 * @param recordAccessor the record component's accessor name, for {@link Source#RECORD_COMPONENT}
 * @param kind the value kind ({@link ValueKind#FILE} for files)
 * @param javaType the Java type of the value ({@code Path} for files)
 * @param kfpType the KFP type name, or null
 * @param description from Javadoc, or null
 */
public record OutputModel(
    String name,
    String accessor,
    Source source,
    String recordAccessor,
    ValueKind kind,
    TypeName javaType,
    String kfpType,
    String description) {

  /** Where the entrypoint takes the output from. */
  public enum Source {
    RETURN,
    RECORD_COMPONENT,
    FILE
  }

  public boolean isFile() {
    return source == Source.FILE;
  }
}
