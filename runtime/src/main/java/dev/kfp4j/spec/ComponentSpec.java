package dev.kfp4j.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A KFP v1 component spec, as KFP's {@code _structures.ComponentSpec}: name, description,
 * metadata, inputs, outputs and an implementation (a container, or a graph of other components
 * kept as its parsed YAML).
 */
public record ComponentSpec(
    String name,
    String description,
    Map<String, String> annotations,
    Map<String, String> labels,
    List<InputSpec> inputs,
    List<OutputSpec> outputs,
    ContainerSpec container,
    Object graph) {

  public ComponentSpec {
    annotations = copy(annotations);
    labels = copy(labels);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
  }

  public Optional<InputSpec> input(String name) {
    return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  public Optional<OutputSpec> output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
