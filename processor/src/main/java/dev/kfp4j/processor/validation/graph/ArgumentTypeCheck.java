package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import java.util.Map;

/**
 * KFP's type check of a task output given to an input: declared types must be equal, except that
 * a {@code String} input takes any text value, and (as in KFP 2) an {@code Artifact} input takes
 * any artifact and an {@code Artifact} output feeds any artifact input. A KFP 2 schema title is
 * the type of its name: {@code system.Dataset} is {@code Dataset}. An input taking a list of artifacts
 * ({@code List<Model>}) takes the artifacts a loop collects (of its type), and nothing else does; the
 * item of a loop over them is one artifact of their type.
 */
final class ArgumentTypeCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    for (StepBuilder step : graph.steps()) {
      if (!(step instanceof TaskBuilder task) || task.graphCall() != null) {
        continue;
      }
      for (Map.Entry<String, Argument> e : task.arguments().values().entrySet()) {
        if (!lists(graph, task, e.getKey(), e.getValue(), reporter)) {
          continue;
        }
        if (ArtifactLists.called(graph, e.getValue()) != null || ArtifactLists.calledItemOf(graph, e.getValue()) != null) {
          continue; // the artifacts a called pipeline returns: of the type its loop collects, which its signature does not say
        }
        // one of a chain's outputs: all of the first's type (OneOfReader checks it)
        Argument.Collected files = collectedArtifacts(graph, e.getValue());
        files = files != null ? files : artifactItemOf(graph, e.getValue()); // one of them: of the same type
        Argument.PipelineParameter listed = listParameterOf(graph, e.getValue()); // an item of @InputPath List<Path>: one artifact
        Argument a = e.getValue() instanceof Argument.OneOf one ? one.outputs().get(0)
            : files != null ? new Argument.TaskOutput(files.task(), files.output()) : listed != null ? listed : e.getValue();
        PipelineModel.Parameter artifact = artifactParameter(graph, a); // @InputPath("Dataset") Path: KFP's Input[Dataset]
        if (artifact != null) {
          String outType = type(dev.kfp4j.spec.TypeSpec.named(artifact.artifactType()));
          String inType = type(task.component().input(e.getKey()).map(InputSpec::type).orElse(null));
          if (inType != null && !outType.equals(inType) && !compatible(outType, inType)) {
            reporter.error(task.arguments().position(e.getKey()), Message.PARAMETER_TYPE_MISMATCH, artifact.name(), outType,
                e.getKey(), task.component().name(), inType, inType, inType, artifact.name());
          }
        }
        if (outputTypeMismatch(graph, task, e.getKey(), a)) {
          Argument.TaskOutput o = (Argument.TaskOutput) a;
          String inType = type(task.component().input(e.getKey()).map(InputSpec::type).orElse(null));
          reporter.error(task.arguments().position(e.getKey()), Message.FILE_TYPE_MISMATCH, o.output(), o.task(),
              outputType(graph, o), e.getKey(), task.component().name(), inType, inType);
        }
      }
    }
  }

  /**
   * Whether {@code a}, given to {@code input} of {@code task}, is an output of a task or an importer whose KFP type the input
   * does not take: a {@code TypeMismatch}, which other checks of the argument leave to this one (one error an argument).
   */
  static boolean outputTypeMismatch(PipelineBuilder graph, TaskBuilder task, String input, Argument a) {
    if (!(a instanceof Argument.TaskOutput o)) {
      return false;
    }
    String outType = outputType(graph, o);
    String inType = type(task.component().input(input).map(InputSpec::type).orElse(null));
    return outType != null && inType != null && !outType.equals(inType) && !compatible(outType, inType);
  }

  /** The KFP type of task output {@code o}, of a task or an importer; null for another step's or an untyped one. */
  private static String outputType(PipelineBuilder graph, Argument.TaskOutput o) {
    if (graph.step(o.task()) instanceof ImporterBuilder importer) {
      return type(dev.kfp4j.spec.TypeSpec.named(importer.artifactType()));
    }
    return graph.step(o.task()) instanceof TaskBuilder producer
        ? type(producer.component().output(o.output()).map(OutputSpec::type).orElse(null)) : null;
  }

  /**
   * An input taking a list of artifacts takes only the artifacts a loop collects, and they go to no other input: false
   * after reporting that {@code a} is given to {@code input} of {@code task} against this (the types are checked after).
   */
  private static boolean lists(PipelineBuilder graph, TaskBuilder task, String input, Argument a, Reporter reporter) {
    InputSpec in = task.component().input(input).orElse(null);
    if (in == null) {
      return false; // InputCheck's
    }
    Argument.Collected collected = collectedArtifacts(graph, a);
    dev.kfp4j.processor.base.Position at = task.arguments().position(input) == null ? task.position() : task.arguments().position(input);
    PipelineModel.Parameter parameter = artifactParameter(graph, a);
    boolean listParameter = parameter != null && parameter.isArtifactList(); // @InputPath("Dataset") List<Path>
    if (in.isArtifactList() && listParameter) {
      return true;
    }
    Argument.TaskOutput called = ArtifactLists.called(graph, a); // the List<Path> a called pipeline returns
    if (called != null && in.isArtifactList()) {
      return true;
    }
    if (called != null) {
      String takes = task.component().inputIsArtifact(input) ? "artifact" : "value";
      reporter.error(at, Message.CALLED_ARTIFACT_LIST_TO_ONE, input, task.component().name(), takes,
          ((TaskBuilder) graph.step(called.task())).pipelineCall().pipelineName());
      return false;
    }
    if (listParameter) {
      reporter.error(at, Message.ARTIFACT_LIST_PARAMETER_TO_ONE, input, task.component().name(), parameter.name(), parameter.name());
      return false;
    }
    if (in.isArtifactList() && collected == null) {
      reporter.error(at, Message.ARTIFACT_LIST_ARGUMENT, input, task.component().name(), describe(a));
      return false;
    }
    if (!in.isArtifactList() && collected != null) {
      String takes = task.component().inputIsArtifact(input) ? "artifact" : "value";
      reporter.error(at, Message.COLLECTED_ARTIFACTS_TO_ONE, input, task.component().name(), takes, collected.task(), collected.loop());
      return false;
    }
    return true;
  }

  /** {@code a} when it collects a file (an artifact) of a task of a loop, else null. */
  static Argument.Collected collectedArtifacts(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.Collected c) {
      StepBuilder producer = graph.step(c.task());
      if (producer instanceof TaskBuilder t && t.component().outputIsArtifact(c.output()) || producer instanceof ImporterBuilder) {
        return c;
      }
    }
    return null;
  }

  /**
   * The artifacts that the loop whose item {@code a} is iterates over (a list {@code Dsl.collect} made of artifacts), when
   * {@code a} is such an item, one artifact; else null.
   */
  static Argument.Collected artifactItemOf(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.LoopItem item && item.field() == null && graph.group(item.loop()) != null
        && graph.group(item.loop()).items() instanceof dev.kfp4j.model.Loop.Over over) {
      return collectedArtifacts(graph, over.source());
    }
    return null;
  }

  /**
   * The pipeline parameter that the loop whose item {@code a} is iterates over, when it is a list of artifacts ({@code
   * @InputPath("Dataset") List<Path>}) and {@code a} such an item, one artifact of its type; else null.
   */
  static Argument.PipelineParameter listParameterOf(PipelineBuilder graph, Argument a) {
    if (a instanceof Argument.LoopItem item && item.field() == null && graph.group(item.loop()) != null
        && graph.group(item.loop()).items() instanceof dev.kfp4j.model.Loop.Over over
        && isArtifactListParameter(graph, over.source())) {
      return (Argument.PipelineParameter) over.source();
    }
    return null;
  }

  /**
   * The pipeline's parameter {@code a} is when it is an artifact ({@code @InputPath("Dataset") Path}, KFP's {@code
   * Input[Dataset]}, or a list of them, {@code @InputPath("Dataset") List<Path>}); else null.
   */
  static PipelineModel.Parameter artifactParameter(PipelineBuilder graph, Argument a) {
    PipelineModel.Parameter p = a instanceof Argument.PipelineParameter given ? graph.pipeline().parameter(given.name()) : null;
    return p != null && p.isArtifact() ? p : null;
  }

  /** Whether {@code a} is a pipeline parameter that is a list of artifacts, {@code @InputPath("Dataset") List<Path>}. */
  static boolean isArtifactListParameter(PipelineBuilder graph, Argument a) {
    PipelineModel.Parameter p = artifactParameter(graph, a);
    return p != null && p.isArtifactList();
  }

  private static String describe(Argument a) {
    if (a instanceof Argument.TaskOutput o) {
      return "output '" + o.output() + "' of '" + o.task() + "', one output";
    }
    if (a instanceof Argument.Collected c) {
      return "the values of '" + c.task() + "' collected from '" + c.loop() + "'";
    }
    if (a instanceof Argument.PipelineParameter p) {
      return "pipeline parameter '" + p.name() + "'";
    }
    if (a instanceof Argument.LoopItem item) {
      return "the item of '" + item.loop() + "', one item";
    }
    return a instanceof Argument.Constant c ? "the constant '" + c.text() + "'" : "one value";
  }

  static boolean compatible(String out, String in) {
    dev.kfp4j.model.ParameterType value = dev.kfp4j.model.ParameterType.ofV1Name(out);
    return in.equals("String") || in.equals("Artifact") || out.equals("Artifact")
        || value != null && value == dev.kfp4j.model.ParameterType.ofV1Name(in); // a file's Dict is a JsonObject input's
  }

  /** A type's name; a KFP 2 schema title ({@code system.Dataset}) as KFP v1's name ({@code Dataset}). */
  static String type(dev.kfp4j.spec.TypeSpec type) {
    if (type == null || type.name() == null) {
      return null;
    }
    return type.name().startsWith("system.") ? type.name().substring("system.".length()) : type.name();
  }
}
