package dev.kfp4j.processor.graph;

import dev.kfp4j.model.ResourceStep;
import dev.kfp4j.processor.base.Position;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An action on a Kubernetes resource ({@code Dsl.resource}), with the conditions and the outputs
 * its own methods set: {@code manifest} (the whole resource), then each {@code attributeOutput}.
 */
public final class ResourceBuilder extends StepBuilder {
  private final String action;
  private final String manifest;
  private String successCondition;
  private String failureCondition;
  private final Map<String, String> outputs = new LinkedHashMap<>();

  ResourceBuilder(String name, String action, String manifest, Group group, Position position) {
    super(name, group, position);
    this.action = action;
    this.manifest = manifest;
    outputs.put("manifest", "{}");
  }

  public void successCondition(String condition) {
    successCondition = condition;
  }

  public void failureCondition(String condition) {
    failureCondition = condition;
  }

  /** Declares output {@code name}, read from the resource at {@code jsonPath}. */
  public void attributeOutput(String name, String jsonPath) {
    outputs.put(name, jsonPath);
  }

  public Set<String> outputs() {
    return outputs.keySet();
  }

  @Override
  public boolean hasOutput(String output) {
    return outputs.containsKey(output);
  }

  @Override
  ResourceStep build() {
    return new ResourceStep(name(), action, manifest, arguments.values(), successCondition, failureCondition, outputs, List.copyOf(after),
        builtSettings());
  }
}
