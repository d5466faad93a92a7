package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Levels.Level;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Pipeline;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outputs of a chain of branches read after it ({@link Argument.OneOf}), as KFP 2's compiler
 * writes a {@code dsl.OneOf}: each branch's DAG gives its task's output ({@code
 * pipelinechannel--print-and-return-Output}), and the chain's DAG gives whichever branch's ran
 * ({@code pipelinechannel--condition-branches-1-oneof-1}, {@code valueFromOneof} with one selector
 * per branch).
 */
final class Kfp2OneOfs {
  private final Pipeline pipeline;
  private final Levels levels;
  private final ArgumentTypes types;

  Kfp2OneOfs(Pipeline pipeline, Levels levels, ArgumentTypes types) {
    this.pipeline = pipeline;
    this.levels = levels;
    this.types = types;
  }

  /** The outputs of {@code group}'s component that carry the chain outputs read: a chain's, or a branch's. */
  void outputs(ObjectNode comp, Level group) {
    if (group.node instanceof Branches chain) {
      for (Argument.OneOf o : levels.oneOfs(chain.name())) {
        chainOutput(comp, o, chain);
      }
    } else if (group.node instanceof Condition branch && group.parent != null && group.parent.node instanceof Branches chain) {
      int index = chain.branches().indexOf(branch);
      for (Argument.OneOf o : levels.oneOfs(chain.name())) {
        Argument.TaskOutput out = o.outputs().get(index);
        if (levels.levelOf(out.task()) != group) {
          throw new FormatException(where(o) + ": '" + out.task() + "' is not in the own body of branch '" + branch.name() + "'");
        }
        Kfp2Dags.connect(comp, branchKey(out), out, out.task(), out.output(), types);
      }
    }
  }

  private void chainOutput(ObjectNode comp, Argument.OneOf o, Branches chain) {
    if (chain.branches().get(chain.branches().size() - 1).predicate() == null && o.outputs().size() == chain.branches().size()) {
      boolean artifact = types.isArtifact(o);
      String key = levels.oneOfKey(o);
      ObjectNode outputs = comp.withObject("dag").withObject("outputs");
      ArrayNode selectors = artifact
          ? outputs.withObject("artifacts").putObject(key).putArray("artifactSelectors")
          : outputs.withObject("parameters").putObject(key).putObject("valueFromOneof").putArray("parameterSelectors");
      for (int i = 0; i < o.outputs().size(); i++) {
        Argument.TaskOutput out = o.outputs().get(i);
        if (types.isArtifact(out) != artifact) {
          throw new FormatException(where(o) + ": a mix of values and files (artifacts); give outputs of one kind");
        }
        selectors.addObject().put("producerSubtask", chain.branches().get(i).name())
            .put(artifact ? "outputArtifactKey" : "outputParameterKey", branchKey(out));
      }
      if (artifact) {
        Kfp2Components.artifactType(comp.withObject("outputDefinitions").withObject("artifacts").putObject(key), types.schemaTitle(o));
      } else {
        comp.withObject("outputDefinitions").withObject("parameters").putObject(key).put("parameterType", types.type(o).v2Name());
      }
      return;
    }
    throw new FormatException(where(o) + ": KFP 2 takes one output of each branch, the last an else branch");
  }

  private String where(Argument.OneOf o) {
    return "pipeline '" + pipeline.name() + "': one of the outputs of '" + o.branches() + "'";
  }

  /** The output of a branch's DAG carrying {@code out}, as KFP names a value surfaced through a group. */
  static String branchKey(Argument.TaskOutput out) {
    return Kfp2Dags.PREFIX + out.task() + "-" + out.output();
  }
}
