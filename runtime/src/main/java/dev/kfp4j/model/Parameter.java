package dev.kfp4j.model;

import java.util.Objects;

/**
 * A pipeline parameter: its name, type (null for an untyped KFP v1 parameter, passed as text), its
 * default in KFP's text form (null when there is none), a description (or null), and whether a run
 * may leave it out (always, when it has a default). A KFP 2 pipeline may also take an artifact,
 * such as a component file's {@code Input[Dataset]}: then {@code artifactType} is its schema title
 * ({@code system.Dataset}) and it has no type or default.
 */
public record Parameter(String name, ParameterType type, String defaultValue, String description, String artifactType,
    boolean optional) {
  public Parameter {
    Objects.requireNonNull(name, "name");
    optional = optional || defaultValue != null;
    if (artifactType != null && (type != null || defaultValue != null)) {
      throw new IllegalArgumentException("parameter '" + name + "' is an artifact (" + artifactType + "); it takes no type or default");
    }
  }

  /** A value parameter, which a run may leave out when it has a default. */
  public Parameter(String name, ParameterType type, String defaultValue, String description) {
    this(name, type, defaultValue, description, null, defaultValue != null);
  }

  /** An artifact the pipeline takes, of schema title {@code artifactType} ({@code system.Dataset}). */
  public static Parameter artifact(String name, String artifactType, String description, boolean optional) {
    return new Parameter(name, null, null, description, Objects.requireNonNull(artifactType, "artifactType"), optional);
  }

  /** Whether it is an artifact rather than a value. */
  public boolean isArtifact() {
    return artifactType != null;
  }
}
