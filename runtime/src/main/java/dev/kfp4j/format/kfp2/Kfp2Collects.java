package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Levels.Level;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DAG outputs that carry what loops collect ({@code dsl.Collected}), as KFP's compiler writes
 * them: the loop's DAG outputs {@code pipelinechannel--<task>-<output>}, selected from the task
 * when it is in the loop's own body, else from the loop or condition in the body that holds it,
 * which outputs the same key the same way, down to the task. Each is a list: a {@code LIST}
 * parameter, or a list of artifacts ({@code isArtifactList}).
 */
final class Kfp2Collects {
  private final Pipeline pipeline;
  private final Levels levels;
  private final ArgumentTypes types;

  Kfp2Collects(Pipeline pipeline, Levels levels, ArgumentTypes types) {
    this.pipeline = pipeline;
    this.levels = levels;
    this.types = types;
  }

  /** The outputs of group {@code group}'s component {@code comp} that carry collected outputs: a loop's own, and those passing through it. */
  void outputs(ObjectNode comp, Level group) {
    Set<String> written = new HashSet<>();
    for (Argument.Collected c : levels.allCollected()) {
      Level loop = levels.loop(c.loop());
      Level task = levels.levelOf(c.task());
      if (task == null) {
        throw new FormatException("pipeline '" + pipeline.name() + "': the outputs of '" + c.task() + "' collected from loop '"
            + c.loop() + "': '" + c.task() + "' is no step of the pipeline");
      }
      if (group == loop) {
        check(c, loop, task);
      } else if (!(group.within(loop) && task.within(group))) {
        continue;
      }
      String key = Kfp2Dags.collectedKey(c);
      if (!written.add(key)) {
        continue;
      }
      String producer = task == group ? c.task() : ((Level) levels.memberContaining(c.task(), group)).name;
      String producerKey = task == group ? c.output() : key;
      if (types.isArtifact(c)) {
        comp.withObject("dag").withObject("outputs").withObject("artifacts").putObject(key).putArray("artifactSelectors")
            .addObject().put("producerSubtask", producer).put("outputArtifactKey", producerKey);
        ObjectNode definition = comp.withObject("outputDefinitions").withObject("artifacts").putObject(key);
        Kfp2Components.artifactType(definition, types.schemaTitle(c));
        definition.put("isArtifactList", true);
      } else {
        comp.withObject("dag").withObject("outputs").withObject("parameters").putObject(key).putObject("valueFromParameter")
            .put("producerSubtask", producer).put("outputParameterKey", producerKey);
        comp.withObject("outputDefinitions").withObject("parameters").putObject(key).put("parameterType", ParameterType.LIST.v2Name());
      }
    }
  }

  /** That the task {@code c} collects is in loop {@code loop}'s body, or in loops and conditions in it. */
  private void check(Argument.Collected c, Level loop, Level task) {
    String where = "pipeline '" + pipeline.name() + "': the outputs of '" + c.task() + "' collected from loop '" + c.loop() + "'";
    if (!task.within(loop)) {
      throw new FormatException(where + ": '" + c.task() + "' is not in the loop; collect the outputs of a task in the loop's "
          + "body, or in loops and conditions in it");
    }
    for (Level l = task; l != loop; l = l.parent) {
      boolean plainCondition = l.node instanceof Condition && !(l.parent.node instanceof dev.kfp4j.model.Branches);
      if (!(l.node instanceof Loop) && !plainCondition) {
        throw new FormatException(where + ": '" + c.task() + "' is in '" + l.name + "', a chain of branches' branch; collect the "
            + "outputs of a task in the loop's body, or in loops and conditions in it");
      }
    }
  }
}
