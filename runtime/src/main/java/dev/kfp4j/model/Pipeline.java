package dev.kfp4j.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A pipeline: its name, description, typed parameters, the nodes of its DAG in the order they were
 * written, an exit task that runs when the rest ends whatever its outcome (or null), or instead
 * an exit pipeline (a DAG run as the exit task, {@link ExitPipeline}; or null), and the
 * settings of the run, and the outputs it gives when it ends (by name, each a task's output or a
 * loop's collected outputs, as a KFP 2 pipeline's return value), with a description of some of them
 * (by name: the Javadoc's {@code @return}, KFP's docstring's {@code Returns:}), and the exit handler's own name
 * ({@code dsl.ExitHandler(exit_task, name='notify')}, KFP 2's display name of its group; null: none,
 * only with an exit task or pipeline). {@code source} names where it
 * came from, such as the {@code @Pipeline} method {@code dev.acme.Flows.train(int)}, for the header
 * of the files written from it (or null). Node names are unique in the pipeline.
 *
 * <pre>{@code
 * Pipeline p = new Pipeline("add-example", null,
 *     List.of(new Parameter("a", ParameterType.INTEGER, "3", null)),
 *     List.of(new Task("add", addSpec, Map.of("a", new Argument.PipelineParameter("a"), "b", new Argument.Constant("4", INTEGER)))),
 *     null, PipelineSettings.DEFAULTS, null);
 * }</pre>
 */
public record Pipeline(
    String name,
    String description,
    List<Parameter> parameters,
    List<Node> nodes,
    Task exitTask,
    PipelineSettings settings,
    String source,
    Map<String, Argument> outputs,
    ExitPipeline exitPipeline,
    String exitHandlerName,
    Map<String, String> outputDescriptions) {
  public Pipeline {
    Objects.requireNonNull(name, "name");
    if (exitHandlerName != null && exitTask == null && exitPipeline == null) {
      throw new IllegalArgumentException("pipeline '" + name + "' names its exit handler '" + exitHandlerName
          + "' but has no exit handler: give it an exit task or an exit pipeline");
    }
    if (exitHandlerName != null && exitHandlerName.isBlank()) {
      throw new IllegalArgumentException("pipeline '" + name + "': the exit handler's name is blank; give a name or none (null)");
    }
    parameters = List.copyOf(parameters);
    nodes = List.copyOf(nodes);
    settings = settings == null ? PipelineSettings.DEFAULTS : settings;
    outputs = Models.copy(outputs);
    outputDescriptions = outputDescriptions == null ? Map.of() : Models.copy(outputDescriptions);
    for (String described : outputDescriptions.keySet()) {
      if (!outputs.containsKey(described)) {
        throw new IllegalArgumentException("pipeline '" + name + "' describes output '" + described + "', which it does not give");
      }
    }
    for (Map.Entry<String, Argument> o : outputs.entrySet()) {
      if (!(o.getValue() instanceof Argument.TaskOutput) && !(o.getValue() instanceof Argument.Collected)
          && !(o.getValue() instanceof Argument.OneOf)) {
        throw new IllegalArgumentException("pipeline '" + name + "': output '" + o.getKey() + "' is " + o.getValue()
            + "; a pipeline's outputs are task outputs, a loop's collected outputs, or one of a chain's outputs");
      }
    }
    if (exitTask != null && exitPipeline != null) {
      throw new IllegalArgumentException("pipeline '" + name + "' has an exit task and an exit pipeline; it runs one of them");
    }
    Set<String> names = new HashSet<>();
    if (exitPipeline != null && !names.add(exitPipeline.name())) {
      throw new IllegalArgumentException("pipeline '" + name + "' has two nodes named '" + exitPipeline.name() + "'");
    }
    for (Node n : allNodes(nodes, exitTask, exitPipeline)) {
      if (!names.add(n.name())) {
        throw new IllegalArgumentException("pipeline '" + name + "' has two nodes named '" + n.name() + "'");
      }
    }
    List<Argument> read = new ArrayList<>(outputs.values());
    for (Node n : allNodes(nodes, exitTask, exitPipeline)) {
      if (n instanceof Step s) {
        read.addAll(s.arguments().values());
      }
    }
    List<Node> every = allNodes(nodes, null, exitPipeline);
    for (Argument a : read) {
      checkOneOf(name, a, every);
    }
    Set<String> parameterNames = new HashSet<>();
    for (Parameter p : parameters) {
      if (!parameterNames.add(p.name())) {
        throw new IllegalArgumentException("pipeline '" + name + "' has two parameters named '" + p.name() + "'");
      }
    }
  }

  /** A pipeline whose outputs are not described. */
  public Pipeline(String name, String description, List<Parameter> parameters, List<Node> nodes, Task exitTask,
      PipelineSettings settings, String source, Map<String, Argument> outputs, ExitPipeline exitPipeline, String exitHandlerName) {
    this(name, description, parameters, nodes, exitTask, settings, source, outputs, exitPipeline, exitHandlerName, Map.of());
  }

  /** A pipeline whose exit handler, if any, has no name of its own, and whose outputs are not described. */
  public Pipeline(String name, String description, List<Parameter> parameters, List<Node> nodes, Task exitTask,
      PipelineSettings settings, String source, Map<String, Argument> outputs, ExitPipeline exitPipeline) {
    this(name, description, parameters, nodes, exitTask, settings, source, outputs, exitPipeline, null, Map.of());
  }

  /** A pipeline without an exit pipeline. */
  public Pipeline(String name, String description, List<Parameter> parameters, List<Node> nodes, Task exitTask,
      PipelineSettings settings, String source, Map<String, Argument> outputs) {
    this(name, description, parameters, nodes, exitTask, settings, source, outputs, null);
  }

  /** A pipeline that gives no outputs, without an exit pipeline. */
  public Pipeline(String name, String description, List<Parameter> parameters, List<Node> nodes, Task exitTask,
      PipelineSettings settings, String source) {
    this(name, description, parameters, nodes, exitTask, settings, source, Map.of());
  }

  public Optional<Parameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Every node, groups before what they hold, in the order written; the exit task (or the exit pipeline's nodes) last. */
  public List<Node> allNodes() {
    return allNodes(nodes, exitTask, exitPipeline);
  }

  /** Every step, in the order written; the exit task (or the exit pipeline's steps) last. */
  public List<Step> steps() {
    List<Step> out = new ArrayList<>();
    for (Node n : allNodes()) {
      if (n instanceof Step s) {
        out.add(s);
      }
    }
    return out;
  }

  /** The node named {@code name}, at any depth. */
  public Optional<Node> node(String name) {
    return allNodes().stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /**
   * Whether {@code loop}, a loop of this pipeline, iterates over a list of artifacts, one artifact an
   * item (KFP 2's {@code artifactIterator}): over a pipeline parameter that is an artifact (taken as a
   * list, KFP's {@code Input[List[Model]]}), or over the artifacts a loop collects ({@code
   * dsl.Collected} of an artifact output).
   */
  public boolean overArtifacts(Loop loop) {
    if (!(loop.items() instanceof Loop.Over over)) {
      return false;
    }
    if (over.source() instanceof Argument.PipelineParameter p) {
      return parameter(p.name()).map(Parameter::isArtifact).orElse(false);
    }
    return over.source() instanceof Argument.Collected c && isArtifactOutput(c.task(), c.output())
        || over.source() instanceof Argument.TaskOutput o && node(o.task()).orElse(null) instanceof CalledPipeline call
        && call.pipeline().outputIsArtifactList(o.output()); // KFP's dsl.ParallelFor(inner().output)
  }

  /**
   * Whether this pipeline's output {@code output} is a list of artifacts ({@code isArtifactList}, KFP's {@code
   * List[Dataset]} return): the artifacts a loop collects, or the list a pipeline it calls returns.
   */
  public boolean outputIsArtifactList(String output) {
    Argument a = outputs.get(output);
    if (a instanceof Argument.Collected c) {
      return isArtifactOutput(c.task(), c.output());
    }
    return a instanceof Argument.TaskOutput o && node(o.task()).orElse(null) instanceof CalledPipeline call
        && call.pipeline().outputIsArtifactList(o.output());
  }

  /** Whether output {@code output} of step {@code step} is an artifact (a file), not a value. */
  public boolean isArtifactOutput(String step, String output) {
    Node n = node(step).orElse(null);
    if (n instanceof ImporterStep) {
      return output.equals(ImporterStep.OUTPUT);
    }
    if (n instanceof CalledPipeline c) {
      return c.pipeline().outputIsArtifact(output);
    }
    return n instanceof Task t && t.component().outputIsArtifact(output);
  }

  /** Whether this pipeline's output {@code output} is an artifact (a file), not a value. */
  public boolean outputIsArtifact(String output) {
    Argument a = outputs.get(output);
    if (a instanceof Argument.OneOf o) {
      a = o.outputs().get(0);
    }
    return a instanceof Argument.TaskOutput o ? isArtifactOutput(o.task(), o.output())
        : a instanceof Argument.Collected c && isArtifactOutput(c.task(), c.output());
  }

  /** This pipeline with every task (the exit task too) replaced by {@code f} of it. */
  public Pipeline mapTasks(UnaryOperator<Task> f) {
    return new Pipeline(name, description, parameters, Nodes.mapTasks(nodes, f), exitTask == null ? null : f.apply(exitTask),
        settings, source, outputs,
        exitPipeline == null ? null : new ExitPipeline(exitPipeline.name(), exitPipeline.status(),
            Nodes.mapTasks(exitPipeline.nodes(), f)), exitHandlerName,
        outputDescriptions);
  }

  /** This pipeline with other nodes, everything else kept. */
  public Pipeline withNodes(List<Node> nodes) {
    return new Pipeline(name, description, parameters, nodes, exitTask, settings, source, outputs, exitPipeline, exitHandlerName,
        outputDescriptions);
  }

  /** This pipeline with other settings. */
  public Pipeline withSettings(PipelineSettings settings) {
    return new Pipeline(name, description, parameters, nodes, exitTask, settings, source, outputs, exitPipeline, exitHandlerName,
        outputDescriptions);
  }

  /** This pipeline with its outputs described (by name; null or empty texts are left out). */
  public Pipeline withOutputDescriptions(Map<String, String> descriptions) {
    Map<String, String> kept = new java.util.LinkedHashMap<>();
    descriptions.forEach((output, text) -> {
      if (text != null && !text.isEmpty()) {
        kept.put(output, text);
      }
    });
    return new Pipeline(name, description, parameters, nodes, exitTask, settings, source, outputs, exitPipeline, exitHandlerName, kept);
  }

  /** This pipeline with its exit handler named {@code name} (null: no name of its own). */
  public Pipeline withExitHandlerName(String name) {
    return new Pipeline(this.name, description, parameters, nodes, exitTask, settings, source, outputs, exitPipeline, name,
        outputDescriptions);
  }

  /**
   * That one of a chain's outputs names a chain of this pipeline that ends with an else branch, and
   * one output of a task of each branch's own body, in the branches' order.
   */
  private static void checkOneOf(String pipeline, Argument a, List<Node> every) {
    if (!(a instanceof Argument.OneOf o)) {
      return;
    }
    String where = "pipeline '" + pipeline + "': one of the outputs of '" + o.branches() + "'";
    Node chain = every.stream().filter(n -> n.name().equals(o.branches())).findFirst().orElse(null);
    if (!(chain instanceof Branches b)) {
      throw new IllegalArgumentException(where + ", which is no chain of branches");
    }
    if (b.branches().get(b.branches().size() - 1).predicate() != null) {
      throw new IllegalArgumentException(where + ": the chain has no else branch, so none may run; end it with one");
    }
    if (o.outputs().size() != b.branches().size()) {
      throw new IllegalArgumentException(where + ": " + o.outputs().size() + " outputs for " + b.branches().size()
          + " branches; give one output per branch");
    }
    for (int i = 0; i < o.outputs().size(); i++) {
      String task = o.outputs().get(i).task();
      Condition branch = b.branches().get(i);
      if (branch.body().stream().noneMatch(n -> n instanceof Step && n.name().equals(task))) {
        throw new IllegalArgumentException(where + ": output " + (i + 1) + " is of '" + task + "', which is not in the own body of branch '"
            + branch.name() + "'");
      }
    }
  }

  private static List<Node> allNodes(List<Node> nodes, Task exitTask, ExitPipeline exitPipeline) {
    List<Node> out = new ArrayList<>();
    Nodes.walk(nodes, out::add);
    if (exitTask != null) {
      out.add(exitTask);
    }
    if (exitPipeline != null) {
      Nodes.walk(exitPipeline.nodes(), out::add);
    }
    return out;
  }
}
