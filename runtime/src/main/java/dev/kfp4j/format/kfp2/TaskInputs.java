package dev.kfp4j.format.kfp2;

import static dev.kfp4j.format.kfp2.Kfp2Dags.PREFIX;
import static dev.kfp4j.format.kfp2.Kfp2Dags.collectedKey;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Levels.Level;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a task of a DAG takes a value: a constant, an input of its DAG ({@code
 * componentInputParameter}), or an output of a task beside it ({@code taskOutputParameter}); and
 * which members of its DAG it then waits for ({@code dependentTasks}).
 */
final class TaskInputs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Pipeline pipeline;
  private final Levels levels;

  TaskInputs(Pipeline pipeline, Levels levels) {
    this.pipeline = pipeline;
    this.levels = levels;
  }

  /** Gives {@code input} of task {@code task} the constant {@code value}. */
  static void constant(ObjectNode task, String input, JsonNode value) {
    task.withObject("inputs").withObject("parameters").putObject(input).putObject("runtimeValue").set("constant", value);
  }

  /** Gives {@code input} of task {@code t} the value of {@code a} in {@code level}'s DAG. */
  void input(ObjectNode t, String input, Argument a, Level level, Set<String> deps, boolean artifact) {
    ObjectNode spec = artifact ? artifact(a, level, deps) : parameter(a, level, deps);
    t.withObject("inputs").withObject(artifact ? "artifacts" : "parameters").set(input, spec);
  }

  /** The {@code InputParameterSpec} of {@code a} in {@code level}'s DAG. */
  ObjectNode parameter(Argument a, Level level, Set<String> deps) {
    ObjectNode p = NODES.objectNode();
    if (a instanceof Argument.Constant c) {
      p.putObject("runtimeValue").put("constant", c.text());
    } else if (Argument.RunValue.isStatus(a) && levels.statusInput(level) != null) {
      p.put("componentInputParameter", levels.statusInput(level));
    } else if (a instanceof Argument.RunValue r) {
      String placeholder = Values.runPlaceholder(r.kind());
      if (placeholder == null) {
        throw new FormatException("pipeline '" + pipeline.name() + "': KFP 2 gives no task the run's status as a value; "
            + "write this pipeline as an Argo workflow, or read the status another way");
      }
      p.putObject("runtimeValue").put("constant", placeholder);
    } else if (a instanceof Argument.PipelineParameter param) {
      p.put("componentInputParameter", level.isRoot() ? param.name() : PREFIX + param.name());
    } else if (a instanceof Argument.TaskOutput o && levels.levelOf(o.task()) == level) {
      p.putObject("taskOutputParameter").put("producerTask", o.task()).put("outputParameterKey", o.output());
      deps.add(o.task());
    } else if (a instanceof Argument.Collected c && levels.loop(c.loop()).parent == level) {
      p.putObject("taskOutputParameter").put("producerTask", c.loop()).put("outputParameterKey", collectedKey(c));
      deps.add(c.loop());
    } else if (a instanceof Argument.OneOf o && levels.chain(o.branches()).parent == level) {
      p.putObject("taskOutputParameter").put("producerTask", o.branches()).put("outputParameterKey", levels.oneOfKey(o));
      deps.add(o.branches());
    } else if (a instanceof Argument.LoopItem item) {
      p.put("componentInputParameter", PREFIX + levels.itemChannel(item.loop()));
      if (item.field() != null) {
        p.put("parameterExpressionSelector", "parseJson(string_value)[\"" + item.field() + "\"]");
      }
    } else {
      String channel = levels.channel(a, level);
      if (channel == null) { // a value made inside a group, read outside it: the exit task reading its handler's body
        throw new FormatException("pipeline '" + pipeline.name() + "': " + a + " is read in '" + level.name + "', outside the "
            + "group that makes it; KFP 2 passes a value into a group, not out of one (the exit task reads nothing its "
            + "handler's body makes): make it before the group");
      }
      p.put("componentInputParameter", PREFIX + channel);
    }
    return p;
  }

  private ObjectNode artifact(Argument a, Level level, Set<String> deps) {
    ObjectNode p = NODES.objectNode();
    if (a instanceof Argument.PipelineParameter param) {
      p.put("componentInputArtifact", level.isRoot() ? param.name() : PREFIX + param.name());
      return p;
    }
    if (a instanceof Argument.OneOf one && levels.chain(one.branches()).parent == level) {
      p.putObject("taskOutputArtifact").put("producerTask", one.branches()).put("outputArtifactKey", levels.oneOfKey(one));
      deps.add(one.branches());
      return p;
    }
    if (a instanceof Argument.Collected c && levels.loop(c.loop()).parent == level) {
      p.putObject("taskOutputArtifact").put("producerTask", c.loop()).put("outputArtifactKey", collectedKey(c));
      deps.add(c.loop());
      return p;
    }
    if (a instanceof Argument.OneOf || a instanceof Argument.Collected) {
      p.put("componentInputArtifact", PREFIX + levels.channel(a, level));
      return p;
    }
    if (a instanceof Argument.LoopItem item) { // one artifact of the list a loop iterates over
      p.put("componentInputArtifact", PREFIX + levels.itemChannel(item.loop()));
      return p;
    }
    Argument.TaskOutput o = (Argument.TaskOutput) a;
    if (levels.levelOf(o.task()) == level) {
      p.putObject("taskOutputArtifact").put("producerTask", o.task()).put("outputArtifactKey", o.output());
      deps.add(o.task());
    } else {
      p.put("componentInputArtifact", PREFIX + levels.channel(a, level));
    }
    return p;
  }

  /** The members of {@code level} that {@code member} waits for: what its steps wait for, and what a group reads itself. */
  Set<String> dependencies(Object member, Level level) {
    Set<String> deps = new LinkedHashSet<>();
    List<Step> steps = member instanceof Step s ? List.of(s) : stepsOf((Level) member);
    for (Step s : steps) {
      for (String d : Nodes.upstream(s)) {
        add(deps, d, member, level);
      }
    }
    if (member instanceof Level group) {
      for (Argument a : Levels.groupArguments(group)) {
        if (a instanceof Argument.TaskOutput o) {
          add(deps, o.task(), member, level);
        }
      }
    }
    return deps;
  }

  private void add(Set<String> deps, String step, Object member, Level level) {
    Object containing = levels.memberContaining(step, level);
    if (containing != null && containing != member) {
      deps.add(containing instanceof Step s ? s.name() : ((Level) containing).name);
    }
  }

  private static List<Step> stepsOf(Level level) {
    List<Step> out = new ArrayList<>();
    for (Object m : level.members) {
      if (m instanceof Step s) {
        out.add(s);
      } else {
        out.addAll(stepsOf((Level) m));
      }
    }
    return out;
  }

  /** Adds {@code deps} to the tasks {@code t} waits for, each once. */
  static void putDependencies(ObjectNode t, Set<String> deps) {
    ArrayNode array = t.withArray("dependentTasks");
    Set<String> present = new LinkedHashSet<>();
    array.forEach(n -> present.add(n.asString()));
    deps.stream().filter(present::add).forEach(array::add);
  }
}
