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

  // equals and hashCode written out, as a record's own would be (each component in order, 31 * h + hash):
  // the generated ones are bootstrapped through method handles on first use, which costs a cold JVM (javac
  // running the processor) milliseconds per record class.
  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof OutputSpec o
        && Objects.equals(name, o.name)
        && Objects.equals(type, o.type)
        && Objects.equals(description, o.description)
        && Objects.equals(annotations, o.annotations);
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(type);
    h = 31 * h + Objects.hashCode(description);
    h = 31 * h + Objects.hashCode(annotations);
    return h;
  }
}
