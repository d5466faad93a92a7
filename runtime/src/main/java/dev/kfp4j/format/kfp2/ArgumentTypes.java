package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.model.CalledPipeline;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What KFP 2 makes of a value of the pipeline: a parameter of some {@link ParameterType}, or a file
 * (an artifact) of some schema title, from the pipeline's parameters and the components' inputs and
 * outputs.
 */
final class ArgumentTypes {
  private final Pipeline pipeline;
  private final Levels levels;

  ArgumentTypes(Pipeline pipeline, Levels levels) {
    this.pipeline = pipeline;
    this.levels = levels;
  }

  /**
   * Whether {@code a} is a file: an artifact parameter of the pipeline, an artifact output of a task (or, collected, a list of
   * them), the item of a loop over a list of artifacts.
   */
  boolean isArtifact(Argument a) {
    if (a instanceof Argument.LoopItem item) {
      return artifactLoop(item) != null;
    }
    if (a instanceof Argument.OneOf o) {
      return isArtifact(o.outputs().get(0));
    }
    if (a instanceof Argument.Collected c) {
      return isArtifact(new Argument.TaskOutput(c.task(), c.output()));
    }
    if (a instanceof Argument.PipelineParameter p) {
      return pipeline.parameter(p.name()).map(Parameter::isArtifact).orElse(false);
    }
    if (a instanceof Argument.TaskOutput o && levels.step(o.task()) instanceof ImporterStep) {
      return o.output().equals(ImporterStep.OUTPUT);
    }
    if (a instanceof Argument.TaskOutput o && levels.step(o.task()) instanceof CalledPipeline c) {
      return c.pipeline().outputIsArtifact(o.output());
    }
    return a instanceof Argument.TaskOutput o && levels.step(o.task()) instanceof Task t
        && Kfp2Types.outputIsArtifact(t.component(), o.output());
  }

  /** The types of the values of the pipeline {@code call} calls, and its output {@code output} there. */
  private static Map.Entry<ArgumentTypes, Argument> inside(CalledPipeline call, String output) {
    Pipeline inner = call.pipeline();
    Argument a = inner.outputs().get(output);
    if (a == null) {
      throw new FormatException("call '" + call.name() + "' of pipeline '" + inner.name() + "': it gives no output '" + output + "'");
    }
    return Map.entry(new ArgumentTypes(inner, new Levels(inner)), a);
  }

  /**
   * Whether {@code a} is a list of artifacts ({@code isArtifactList}): the artifacts a loop collects, or a pipeline artifact
   * parameter a task takes as a list or a loop iterates over.
   */
  boolean isArtifactList(Argument a) {
    if (a instanceof Argument.Collected) {
      return isArtifact(a);
    }
    if (a instanceof Argument.TaskOutput o && levels.step(o.task()) instanceof CalledPipeline c) {
      return c.pipeline().outputIsArtifactList(o.output()); // the list a called pipeline returns
    }
    return a instanceof Argument.PipelineParameter p && Kfp2Types.artifactListParameters(pipeline).contains(p.name());
  }

  /** The loop over a list of artifacts whose item {@code item} is, or null when its loop iterates over values. */
  private Loop artifactLoop(Argument.LoopItem item) {
    Loop loop = (Loop) pipeline.node(item.loop()).orElse(null);
    return loop != null && pipeline.overArtifacts(loop) ? loop : null;
  }

  /** The artifact type of a file value, as KFP 2 names it ({@code system.Dataset}, ...). */
  String schemaTitle(Argument a) {
    if (a instanceof Argument.LoopItem item) {
      return schemaTitle(((Loop.Over) artifactLoop(item).items()).source());
    }
    if (a instanceof Argument.OneOf o) {
      return schemaTitle(o.outputs().get(0));
    }
    if (a instanceof Argument.Collected c) {
      return schemaTitle(new Argument.TaskOutput(c.task(), c.output()));
    }
    if (a instanceof Argument.PipelineParameter p) {
      return pipeline.parameter(p.name()).map(Parameter::artifactType).orElseThrow();
    }
    Argument.TaskOutput o = (Argument.TaskOutput) a;
    if (levels.step(o.task()) instanceof CalledPipeline call) {
      Map.Entry<ArgumentTypes, Argument> in = inside(call, o.output());
      return in.getKey().schemaTitle(in.getValue());
    }
    if (levels.step(o.task()) instanceof ImporterStep importer) {
      return importer.artifactType();
    }
    Task t = (Task) levels.step(o.task());
    return Kfp2Types.schemaTitle(t.component().output(o.output()).map(OutputSpec::type).orElse(null));
  }

  /** The parameter type of a value: its constant's, its parameter's, its output's, its loop's items', a list of collected outputs. */
  ParameterType type(Argument a) {
    if (a instanceof Argument.Constant c) {
      return c.type();
    }
    if (a instanceof Argument.PipelineParameter p) {
      return pipeline.parameter(p.name()).map(Parameter::type).filter(t -> t != null).orElse(ParameterType.STRING);
    }
    if (a instanceof Argument.TaskOutput o) {
      Step s = levels.step(o.task());
      if (s instanceof Task t) {
        return t.component().output(o.output()).map(Kfp2Types::parameterType).orElse(ParameterType.STRING);
      }
      if (s instanceof CalledPipeline call) {
        Map.Entry<ArgumentTypes, Argument> in = inside(call, o.output());
        return in.getKey().type(in.getValue());
      }
      return ParameterType.STRING;
    }
    if (a instanceof Argument.Collected) {
      return ParameterType.LIST;
    }
    if (a instanceof Argument.OneOf o) {
      return type(o.outputs().get(0));
    }
    if (a instanceof Argument.RunValue) {
      return ParameterType.STRING;
    }
    Argument.LoopItem item = (Argument.LoopItem) a;
    Loop loop = (Loop) pipeline.node(item.loop()).orElseThrow();
    return item.field() == null ? itemType(loop) : fieldType(loop, item.field());
  }

  /**
   * The type of a field of a loop's items: the JSON type the constant items agree on, else what
   * the body makes of the field ({@link #usedAs}).
   */
  static ParameterType fieldType(Loop loop, String field) {
    ParameterType type = null;
    if (loop.items() instanceof Loop.Constants c) {
      for (Argument.Constant v : c.values()) {
        ParameterType t = v.type() == ParameterType.STRUCT ? ParameterType.ofJson(Yaml.readJson(v.text()).path(field)) : null;
        if (t == null || (type != null && type != t)) {
          return ParameterType.STRING;
        }
        type = t;
      }
    }
    return type != null ? type : usedAs(loop, field);
  }

  /** The type of a loop's items: the constants' type when they agree, else what the body makes of them ({@link #usedAs}). */
  ParameterType itemType(Loop loop) {
    if (loop.items() instanceof Loop.Over over && over.itemType() != null) {
      return over.itemType();
    }
    if (loop.items() instanceof Loop.Constants c && !c.values().isEmpty()) {
      ParameterType first = c.values().get(0).type();
      if (c.values().stream().allMatch(v -> v.type() == first)) {
        return first;
      }
      return ParameterType.STRING;
    }
    return usedAs(loop, null);
  }

  /**
   * {@code loop} over a list value whose item a spec's loop DAG declares {@code declared} (KFP's compiler: {@code STRUCT} for
   * an item of a {@code List[dict]}): with that type where the body would make another of it ({@link Loop.Over#itemType}).
   */
  static Loop declaredItem(Loop loop, ParameterType declared) {
    if (declared == null || !(loop.items() instanceof Loop.Over over) || over.itemType() != null || declared == usedAs(loop, null)) {
      return loop;
    }
    return loop.withItems(new Loop.Over(over.source(), declared));
  }

  /**
   * What the body of a loop over a list value makes of its item (or of a field of it): the type
   * of an input given it, else of a constant a condition compares it with (the processor checked
   * that the two agree), else STRING, as KFP types an item it knows nothing of. So a condition
   * {@code item > 9} compares numbers on KFP 2's backend, as it does locally, not text.
   */
  private static ParameterType usedAs(Loop loop, String field) {
    for (Step s : Nodes.steps(loop)) {
      if (s instanceof Task t) {
        for (Map.Entry<String, Argument> e : t.arguments().entrySet()) {
          if (isItem(e.getValue(), loop, field)) {
            return t.component().input(e.getKey()).map(Kfp2Types::parameterType).orElse(ParameterType.STRING);
          }
        }
      } else if (s instanceof CalledPipeline c) { // the type of the called pipeline's parameter given it
        for (Map.Entry<String, Argument> e : c.arguments().entrySet()) {
          if (isItem(e.getValue(), loop, field)) {
            return c.pipeline().parameter(e.getKey()).map(Parameter::type).filter(t -> t != null).orElse(ParameterType.STRING);
          }
        }
      }
    }
    List<ParameterType> compared = new ArrayList<>();
    Nodes.walk(loop.body(), n -> {
      if (n instanceof Condition c && c.predicate() != null) {
        for (Predicate.Comparison k : Nodes.comparisons(c.predicate())) {
          if (isItem(k.left(), loop, field) && k.right() instanceof Argument.Constant constant) {
            compared.add(constant.type());
          } else if (isItem(k.right(), loop, field) && k.left() instanceof Argument.Constant constant) {
            compared.add(constant.type());
          }
        }
      }
    });
    return compared.isEmpty() ? ParameterType.STRING : compared.get(0);
  }

  /**
   * Whether {@code a} is the item of {@code loop} (its {@code field}, or the whole item when null). Compared by its parts, not
   * with a record's {@code equals} (the argument's own, whatever its kind): the first call of one starts {@code
   * java.lang.runtime.ObjectMethods}, 15 ms of a cold javac, which the processor's path otherwise does without (as {@code
   * ComponentSpec.equals} does).
   */
  private static boolean isItem(Argument a, Loop loop, String field) {
    return a instanceof Argument.LoopItem i && i.loop().equals(loop.name()) && Objects.equals(i.field(), field);
  }
}
