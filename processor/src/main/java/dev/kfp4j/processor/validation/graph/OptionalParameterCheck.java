package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.Arguments;
import dev.kfp4j.processor.graph.ComparisonCall;
import dev.kfp4j.processor.graph.GraphCall;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline parameter a run may leave out ({@code @Nullable}, no {@code @Default}) goes only
 * where no value is a value: to an optional input of a component (which then gets none, or its
 * own default). A required input, a condition or a Kubernetes step's setting would fail when the
 * run leaves it out, so each is an error where it is written. (A loop over it is refused where the
 * loop is read.)
 */
final class OptionalParameterCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (GraphCall call : graph.graphCalls()) {
      inputs(graph, call.component(), call.arguments(), call.position(), reporter);
      graphTasks(graph, call, reporter);
    }
    for (StepBuilder step : graph.steps()) {
      if (step instanceof TaskBuilder task) {
        if (task.graphCall() == null) {
          inputs(graph, task.component(), task.arguments(), task.position(), reporter);
          intoDag(graph, task, reporter);
        }
        continue;
      }
      for (Map.Entry<String, Argument> e : step.arguments().values().entrySet()) {
        String name = leftOut(graph, e.getValue());
        if (name != null) {
          reporter.error(at(step.arguments(), e.getKey(), step.position()), Message.OPTIONAL_PARAMETER_USE,
              "'" + e.getKey() + "' of step '" + step.name() + "'", name);
        }
      }
    }
    for (ComparisonCall call : graph.comparisons()) {
      for (Argument side : new Argument[] {call.comparison().left(), call.comparison().right()}) {
        String name = leftOut(graph, side);
        if (name != null) {
          reporter.error(call.position(), Message.OPTIONAL_PARAMETER_USE, "the condition Dsl." + call.method() + "(...)", name);
        }
      }
    }
  }

  private static void inputs(PipelineBuilder graph, ComponentSpec component, Arguments arguments, Position at, Reporter reporter) {
    for (Map.Entry<String, Argument> e : arguments.values().entrySet()) {
      String name = leftOut(graph, e.getValue());
      Optional<InputSpec> in = component.input(e.getKey());
      if (name != null && in.isPresent() && !in.get().optional() && in.get().defaultValue() == null) {
        PipelineModel.Parameter parameter = graph.pipeline().parameter(name);
        if (parameter.isArtifact()) { // @Nullable @InputPath("Model") Path: KFP's Optional[Input[Model]] = None
          String type = ArgumentTypeCheck.type(dev.kfp4j.spec.TypeSpec.named(parameter.artifactType()));
          reporter.error(at(arguments, e.getKey(), at), Message.OPTIONAL_ARTIFACT_INPUT, name, e.getKey(), component.name(), type);
        } else {
          reporter.error(at(arguments, e.getKey(), at), Message.OPTIONAL_PARAMETER_INPUT, name, e.getKey(), component.name());
        }
      }
      if (name != null && in.isEmpty() && InputCheck.isChannel(e.getKey(), arguments)) { // in a joined text: "Hello " + title
        reporter.error(at(arguments, e.getKey(), at), Message.OPTIONAL_PARAMETER_USE, "A text given to '" + component.name() + "'", name);
      }
    }
  }

  /**
   * In KFP 2, a value left out reaches only the tasks of the root DAG, where the driver passes the task none (an optional
   * input). A group (condition, loop, exit handler) or a called pipeline is a DAG of its own: its driver refuses a null input
   * it does not declare optional ({@code ErrResolvedParameterNull}), and one it skips is missing for the tasks in it ({@code
   * parent DAG does not have input parameter}), so the run fails where kfp4j's local run passes the task nothing.
   */
  private static void intoDag(PipelineBuilder graph, TaskBuilder task, Reporter reporter) {
    if (!graph.pipeline().writes(dev.kfp4j.processor.base.Format.KFP2)) {
      return;
    }
    String dag = task.pipelineCall() != null ? "called pipeline '" + task.pipelineCall().pipelineName() + "'"
        : task.group().kind() != dev.kfp4j.processor.graph.Group.Kind.ROOT ? "group '" + task.group().name() + "'" : null;
    if (dag == null) {
      return;
    }
    for (Map.Entry<String, Argument> e : task.arguments().values().entrySet()) {
      String name = leftOut(graph, e.getValue());
      if (name != null) {
        intoDag(graph, name, "'" + task.name() + "'", dag, at(task.arguments(), e.getKey(), task.position()), reporter);
      }
    }
  }

  /**
   * {@code who} passes pipeline parameter {@code name}, which a run may leave out, into {@code dag}. An artifact left out is as
   * missing for a DAG given it: its driver finds no such input artifact ({@code resolveInputArtifact} in {@code
   * backend/src/v2/driver/resolve.go}: "parent DAG does not have input artifact") and fails the run.
   */
  private static void intoDag(PipelineBuilder graph, String name, String who, String dag, Position at, Reporter reporter) {
    reporter.error(at, graph.pipeline().parameter(name).isArtifact() ? Message.OPTIONAL_ARTIFACT_IN_DAG
        : Message.OPTIONAL_PARAMETER_IN_DAG, name, who, dag);
  }

  /**
   * A graph component's call puts the graph's tasks in the caller's group, each given what the call gives the graph's inputs
   * ({@code GraphSpec#expand}). A value left out reaches those tasks as it is: a task taking it as a required input fails,
   * whatever default the graph's own input has; and in a group (a DAG of its own in KFP 2) every task given it fails ({@link
   * #intoDag(PipelineBuilder, TaskBuilder, Reporter)}). Each is an error on the call's argument.
   */
  private static void graphTasks(PipelineBuilder graph, GraphCall call, Reporter reporter) {
    boolean inDag = graph.pipeline().writes(dev.kfp4j.processor.base.Format.KFP2)
        && call.group().kind() != dev.kfp4j.processor.graph.Group.Kind.ROOT;
    for (Map.Entry<String, Argument> e : call.arguments().values().entrySet()) {
      String name = leftOut(graph, e.getValue());
      Optional<InputSpec> own = call.component().input(e.getKey());
      if (name == null || own.isEmpty() || !own.get().optional() && own.get().defaultValue() == null) {
        continue; // none left out, or the graph's own input needs a value ({@link #inputs})
      }
      Position at = at(call.arguments(), e.getKey(), call.position());
      boolean given = false;
      for (TaskBuilder task : call.steps()) {
        for (Map.Entry<String, Argument> a : task.arguments().values().entrySet()) {
          Optional<InputSpec> in = task.component().input(a.getKey());
          if (!e.getValue().equals(a.getValue()) || in.isEmpty()) {
            continue;
          }
          given = true;
          if (!in.get().optional() && in.get().defaultValue() == null) {
            reporter.error(at, Message.OPTIONAL_PARAMETER_USE, "Input '" + e.getKey() + "' of graph component '" + call.name()
                + "', which its task '" + task.name() + "' takes as required input '" + a.getKey() + "',", name);
          }
        }
      }
      if (given && inDag) {
        intoDag(graph, name, "graph component '" + call.name() + "'", "group '" + call.group().name() + "'", at, reporter);
      }
    }
  }

  /** The name of the pipeline parameter {@code a} is, when a run may leave it out; else null. */
  static String leftOut(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.PipelineParameter p) {
      PipelineModel.Parameter parameter = graph.pipeline().parameter(p.name());
      return parameter != null && parameter.mayBeLeftOut() ? p.name() : null;
    }
    return null;
  }

  private static Position at(Arguments arguments, String input, Position fallback) {
    Position p = arguments.position(input);
    return p == null ? fallback : p;
  }
}
