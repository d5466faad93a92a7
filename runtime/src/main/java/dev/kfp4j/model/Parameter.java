package dev.kfp4j.model;

import java.util.Objects;

/**
 * A pipeline parameter: its name, type (null for an untyped KFP v1 parameter, passed as text), its
 * default in KFP's text form (null when the run must give one) and a description (or null).
 */
public record Parameter(String name, ParameterType type, String defaultValue, String description) {
  public Parameter {
    Objects.requireNonNull(name, "name");
  }

  /** Whether a run may leave it out. */
  public boolean optional() {
    return defaultValue != null;
  }
}
