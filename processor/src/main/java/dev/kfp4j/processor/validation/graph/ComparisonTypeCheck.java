package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.ComparisonCall;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.model.PipelineModel;

/**
 * The two sides of a condition are both numbers or both text: KFP compares two numbers as numbers
 * and anything else as text, so {@code Dsl.gt(count, "five")} would compare {@code "7" > "five"}
 * without a word; a Boolean is compared with a Boolean, as KFP v1 writes it {@code True} and KFP 2
 * {@code true}. A side whose type is not known (an untyped output) is not checked. An artifact a loop over
 * artifacts gives its body is no value at all.
 */
final class ComparisonTypeCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (ComparisonCall call : graph.comparisons()) {
      Predicate.Comparison c = call.comparison();
      if (artifactItem(graph, c.left(), call.left(), call, reporter) || artifactItem(graph, c.right(), call.right(), call, reporter)) {
        continue;
      }
      ParameterType left = type(graph, c.left());
      ParameterType right = type(graph, c.right());
      if (left != null && right != null && left.isNumber() != right.isNumber()) {
        reporter.error(call.position(), Message.COMPARISON_TYPE_MISMATCH, call.method(), call.left(), call.right(), left.v1Name(),
            right.v1Name());
      } else if (left != null && right != null && (left == ParameterType.BOOLEAN) != (right == ParameterType.BOOLEAN)) {
        String bool = left == ParameterType.BOOLEAN ? call.left() : call.right();
        reporter.error(call.position(), Message.BOOLEAN_COMPARISON, call.method(), call.left(), call.right(),
            (left == ParameterType.BOOLEAN ? right : left).v1Name(), call.method(), bool);
      }
    }
  }

  /** Whether {@code a}, written {@code written}, is an artifact (a loop's item, or in KFP 2 an output): an error, reported. */
  private static boolean artifactItem(PipelineBuilder graph, Argument a, String written, ComparisonCall call, Reporter reporter) {
    if (ArgumentTypeCheck.artifactItemOf(graph, a) != null || ArtifactLists.calledItemOf(graph, a) != null) {
      reporter.error(call.position(), Message.ARTIFACT_ITEM_COMPARED, written, ((Argument.LoopItem) a).loop());
      return true;
    }
    // KFP 2 passes an artifact output to a condition's group as an artifact, which its CEL condition cannot read
    if (a instanceof Argument.TaskOutput o && graph.pipeline().writes(dev.kfp4j.processor.base.Format.KFP2)
        && (graph.step(o.task()) instanceof TaskBuilder t && t.component().outputIsArtifact(o.output())
            || graph.step(o.task()) instanceof dev.kfp4j.processor.graph.ImporterBuilder)) {
      reporter.error(call.position(), Message.ARTIFACT_COMPARED, written, o.output(), o.task());
      return true;
    }
    return false;
  }

  /** The type of the value {@code a} stands for, or null when it is not known. */
  private static ParameterType type(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.Constant c) {
      return c.type();
    }
    if (a instanceof Argument.PipelineParameter p) {
      PipelineModel.Parameter parameter = graph.pipeline().parameter(p.name());
      return parameter == null ? null : parameter.toModel().type();
    }
    if (a instanceof Argument.TaskOutput o) {
      StepBuilder step = graph.step(o.task());
      if (!(step instanceof TaskBuilder task)) {
        return ParameterType.STRING; // a Kubernetes step's outputs are text read from the resource
      }
      return task.component().output(o.output())
          .map(out -> out.type() == null ? null : ParameterType.ofV1Name(out.type().name()))
          .orElse(null);
    }
    if (a instanceof Argument.Collected) {
      return ParameterType.LIST;
    }
    if (a instanceof Argument.OneOf o) {
      return type(graph, o.outputs().get(0));
    }
    Argument.LoopItem item = (Argument.LoopItem) a;
    Group loop = graph.group(item.loop());
    return loop == null ? null : loop.itemType(item.field());
  }
}
