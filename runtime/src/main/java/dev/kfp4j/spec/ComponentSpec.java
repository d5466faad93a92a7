package dev.kfp4j.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A KFP v1 component spec, as KFP's {@code _structures.ComponentSpec}: name, description,
 * metadata, inputs, outputs and an implementation: a container, or a graph of tasks of other
 * components.
 */
public record ComponentSpec(
    String name,
    String description,
    Map<String, String> annotations,
    Map<String, String> labels,
    List<InputSpec> inputs,
    List<OutputSpec> outputs,
    ContainerSpec container,
    GraphSpec graph) {

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

  // equals and hashCode written out, as a record's own would be (each component in order, 31 * h + hash):
  // the generated ones are bootstrapped through method handles on first use, which costs a cold JVM (javac
  // running the processor) milliseconds per record class.
  @Override
  public boolean equals(Object other) {
    return other == this || other instanceof ComponentSpec o
        && Objects.equals(name, o.name)
        && Objects.equals(description, o.description)
        && Objects.equals(annotations, o.annotations)
        && Objects.equals(labels, o.labels)
        && Objects.equals(inputs, o.inputs)
        && Objects.equals(outputs, o.outputs)
        && Objects.equals(container, o.container)
        && Objects.equals(graph, o.graph);
  }

  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(description);
    h = 31 * h + Objects.hashCode(annotations);
    h = 31 * h + Objects.hashCode(labels);
    h = 31 * h + Objects.hashCode(inputs);
    h = 31 * h + Objects.hashCode(outputs);
    h = 31 * h + Objects.hashCode(container);
    h = 31 * h + Objects.hashCode(graph);
    return h;
  }

  public Optional<InputSpec> input(String name) {
    for (InputSpec i : inputs) {
      if (i.name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether an input is passed as a file ({@code inputPath}) rather than a value; for a graph, if
   * a task of the graph takes it as a file.
   */
  public boolean inputIsFile(String input) {
    if (graph != null) {
      for (GraphSpec.Task t : graph.tasks().values()) {
        ComponentSpec child = t.componentRef().spec();
        for (Map.Entry<String, GraphSpec.Argument> a : t.arguments().entrySet()) {
          if (child != null && a.getValue() instanceof GraphSpec.Argument.GraphInput g && g.inputName().equals(input)
              && child.inputIsFile(a.getKey())) {
            return true;
          }
        }
      }
      return false;
    }
    return container != null && (mentions(container.args(), input) || mentions(container.command(), input));
  }

  private static boolean mentions(List<Placeholder> items, String input) {
    for (Placeholder p : items) {
      if (p instanceof Placeholder.InputPath ip && ip.input().equals(input)) {
        return true;
      }
      if (p instanceof Placeholder.InputUri iu && iu.input().equals(input)
          || p instanceof Placeholder.InputMetadata im && im.input().equals(input)) {
        return true;
      }
      if (p instanceof Placeholder.Concat c && mentions(c.items(), input)) {
        return true;
      }
      if (p instanceof Placeholder.If i && (mentions(i.then(), input) || mentions(i.otherwise(), input))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an output is a file its program writes at a path of its own ({@code --model
   * {outputPath: model}}) rather than a value written through {@code ----output-paths}, as KFP's
   * function components write returned values. For a graph, whether the output it comes from is.
   */
  public boolean outputIsFile(String output) {
    if (outputHasUri(output)) {
      return true; // written at its URI, or given metadata: an artifact's
    }
    if (graph != null) {
      // a graph's output is what the task it comes from writes
      if (graph.outputValues().get(output) instanceof GraphSpec.Argument.TaskOutput o && graph.tasks().get(o.taskId()) != null) {
        ComponentSpec child = graph.tasks().get(o.taskId()).componentRef().spec();
        return child != null && child.outputIsFile(o.outputName());
      }
      return graph.outputValues().get(output) instanceof GraphSpec.Argument.GraphInput g && inputIsFile(g.inputName());
    }
    if (container == null) {
      return false;
    }
    boolean returned = false;
    for (Placeholder p : container.args()) {
      if (p instanceof Placeholder.Literal l && l.value().equals("----output-paths")) {
        returned = true;
      }
      if (p instanceof Placeholder.OutputPath o && o.output().equals(output)) {
        return !returned;
      }
    }
    return !returned;
  }

  /**
   * Whether KFP 2 passes an input as an artifact: one read as a file, or typed with a KFP 2 schema
   * title ({@code system.Dataset}, as a KFP 2 component file declares its artifacts).
   */
  public boolean inputIsArtifact(String input) {
    if (inputIsFile(input)) {
      return true;
    }
    Optional<InputSpec> in = input(input);
    return in.isPresent() && (isSchemaTitle(in.get().type()) || in.get().isArtifactList());
  }

  /**
   * Whether KFP 2 passes an output as an artifact, as KFP 2 reads a KFP v1 component: a file its
   * program writes, unless its type is a parameter type ({@code Integer}, {@code String}...: then
   * KFP 2 reads the file as the parameter's value); or one typed with a schema title.
   */
  public boolean outputIsArtifact(String output) {
    OutputSpec out = output(output).orElse(null);
    if (out == null) {
      return false;
    }
    boolean parameterType = out.type() != null && dev.kfp4j.model.ParameterType.ofV1Name(out.type().name()) != null;
    return (outputIsFile(output) && !parameterType) || isSchemaTitle(out.type()) || outputHasUri(output);
  }

  /** Whether the command line uses the output's URI ({@code {outputUri: name}}) or metadata: only an artifact has them. */
  private boolean outputHasUri(String output) {
    return container != null && (hasOutputUri(container.command(), output) || hasOutputUri(container.args(), output));
  }

  private static boolean hasOutputUri(List<Placeholder> items, String output) {
    for (Placeholder p : items) {
      if (p instanceof Placeholder.OutputUri o && o.output().equals(output)
          || p instanceof Placeholder.OutputMetadata m && m.output().equals(output)
          || p instanceof Placeholder.Concat c && hasOutputUri(c.items(), output)
          || p instanceof Placeholder.If i && (hasOutputUri(i.then(), output) || hasOutputUri(i.otherwise(), output))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSchemaTitle(TypeSpec type) {
    return type != null && type.isSchemaTitle();
  }

  public Optional<OutputSpec> output(String name) {
    for (OutputSpec o : outputs) {
      if (o.name().equals(name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
