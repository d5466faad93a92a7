package dev.kfp4j.spec;

import java.util.Objects;

/**
 * One component input. {@code type} is a KFP type name ({@code Integer}, {@code CSV}, ...), a
 * structured type as YAML text (for types such as {@code {GCSPath: {data_type: CSV}}}), or null
 * for an untyped input. {@code defaultValue} is the KFP text form or null. An input that takes a
 * list of artifacts (KFP 2's {@code Input[List[Model]]}, {@code isArtifactList}) carries the
 * annotation {@value #ARTIFACT_LIST}: KFP v1's component YAML has no list of artifacts, and its
 * inputs' annotations are where such a mark survives a round trip.
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

  /** The input annotation that marks an input taking a list of artifacts; its value is {@code "true"}. */
  public static final String ARTIFACT_LIST = "kfp4j.dev/artifact-list";

  public InputSpec(String name, TypeSpec type, String description, String defaultValue, boolean optional) {
    this(name, type, description, defaultValue, optional, null);
  }

  /** An input taking a list of artifacts of {@code type} ({@code isArtifactList} in KFP 2). */
  public static InputSpec artifactList(String name, TypeSpec type, String description, boolean optional) {
    return new InputSpec(name, type, description, null, optional, java.util.Map.of(ARTIFACT_LIST, "true"));
  }

  /** Whether it takes a list of artifacts ({@code Input[List[Model]]}), not one. */
  public boolean isArtifactList() {
    return annotations != null && "true".equals(String.valueOf(annotations.get(ARTIFACT_LIST)));
  }

  // equals and hashCode written out, as a record's own would be (each component in order, 31 * h + hash):
  // the generated ones are bootstrapped through method handles on first use, which costs a cold JVM (javac
  // running the processor) milliseconds per record class.
  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof InputSpec o
        && Objects.equals(name, o.name)
        && Objects.equals(type, o.type)
        && Objects.equals(description, o.description)
        && Objects.equals(defaultValue, o.defaultValue)
        && optional == o.optional
        && Objects.equals(annotations, o.annotations);
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(type);
    h = 31 * h + Objects.hashCode(description);
    h = 31 * h + Objects.hashCode(defaultValue);
    h = 31 * h + Boolean.hashCode(optional);
    h = 31 * h + Objects.hashCode(annotations);
    return h;
  }
}
