package dev.kfp4j.dsl;

/**
 * A step that creates, applies, patches or deletes a Kubernetes resource, as KFP's {@code
 * ResourceOp}. Made by {@link Dsl#resource}.
 */
public final class ResourceTask extends Task<ResourceTask> {
  ResourceTask(Object[] namesAndValues) {
    super("resource", namesAndValues);
  }

  /** The step succeeds when this condition on the resource holds, e.g. {@code status.succeeded > 0}. */
  public ResourceTask successCondition(String condition) {
    return this;
  }

  /** The step fails when this condition on the resource holds, e.g. {@code status.failed > 0}. */
  public ResourceTask failureCondition(String condition) {
    return this;
  }

  /** Declares an output read from the resource by JSON path, e.g. {@code ("name", "{.metadata.name}")}. */
  public ResourceTask attributeOutput(String name, String jsonPath) {
    return this;
  }

  /** An output declared with {@link #attributeOutput}, or {@code manifest} (the whole resource). */
  public String output(String name) {
    return output("resource", name);
  }
}
