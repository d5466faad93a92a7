package dev.kfp4j.spec;

import java.util.Objects;

/** One component output; {@code type} is null for an untyped output. */
public record OutputSpec(String name, TypeSpec type, String description, java.util.Map<String, Object> annotations) {
  public OutputSpec {
    Objects.requireNonNull(name, "name");
  }

  public OutputSpec(String name, TypeSpec type, String description) {
    this(name, type, description, null);
  }
}
