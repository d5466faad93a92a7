package dev.kfp4j.spec;

import java.util.Objects;

/**
 * One component input. {@code type} is a KFP type name ({@code Integer}, {@code CSV}, ...), a
 * structured type as YAML text (for types such as {@code {GCSPath: {data_type: CSV}}}), or null
 * for an untyped input. {@code defaultValue} is the KFP text form or null.
 */
public record InputSpec(
    String name,
    TypeSpec type,
    String description,
    String defaultValue,
    boolean optional,
    java.util.Map<String, Object> annotations) {
  public InputSpec {
    Objects.requireNonNull(name, "name");
  }

  public InputSpec(String name, TypeSpec type, String description, String defaultValue, boolean optional) {
    this(name, type, description, defaultValue, optional, null);
  }
}
