package dev.kfp4j.format.kfp2;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.TypeSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a component's inputs and outputs are typed in KFP 2, as KFP 2 reads a KFP v1 component: an
 * input the program reads as a file ({@code inputPath}) and an output it writes at a path of its
 * own are artifacts, whose schema title comes from the type name ({@code Dataset} →
 * {@code system.Dataset}, anything else {@code system.Artifact}); the rest are parameters of the
 * type their name gives ({@code Integer} → {@code NUMBER_INTEGER}, untyped: {@code STRING}).
 */
final class Kfp2Types {
  static final String SCHEMA_VERSION = "0.0.1";
  /** The parameter type of an exit task's input that takes the pipeline's status ({@link dev.kfp4j.spec.TypeSpec#TASK_FINAL_STATUS}). */
  static final String TASK_FINAL_STATUS = "TASK_FINAL_STATUS";
  /** What KFP's header comment shows for a {@code TASK_FINAL_STATUS} input: the Python type's name. */
  static final String FINAL_STATUS_PYTHON_NAME = "PipelineTaskFinalStatus";
  /** The parameter type of a component's input that takes its task's configuration ({@link dev.kfp4j.spec.TypeSpec#TASK_CONFIG}). */
  static final String TASK_CONFIG = "TASK_CONFIG";
  private static final Map<String, String> TITLES = Map.of(
      "artifact", "system.Artifact",
      "dataset", "system.Dataset",
      "model", "system.Model",
      "metrics", "system.Metrics",
      "classificationmetrics", "system.ClassificationMetrics",
      "slicedclassificationmetrics", "system.SlicedClassificationMetrics",
      "html", "system.HTML",
      "markdown", "system.Markdown");

  private Kfp2Types() {}

  /**
   * An artifact type as kfp4j's model holds it, from KFP 2's {@code artifactType} or {@code typeSchema}: its
   * schema title, with its schema version as KFP's SDK bundles them ({@code google.VertexModel@0.0.0}) when it is
   * not {@link #SCHEMA_VERSION}.
   */
  static String bundled(JsonNode artifactType) {
    String title = artifactType.path("schemaTitle").asString("system.Artifact");
    String version = artifactType.path("schemaVersion").asString(SCHEMA_VERSION);
    return version.equals(SCHEMA_VERSION) || version.isEmpty() ? title : title + "@" + version;
  }

  /** Writes a {@link #bundled} artifact type as KFP 2's {@code schemaTitle} and {@code schemaVersion} of {@code node}. */
  static void putType(ObjectNode node, String bundled) {
    node.put("schemaTitle", title(bundled));
    node.put("schemaVersion", version(bundled));
  }

  /** The schema title of a {@link #bundled} artifact type, without its version. */
  static String title(String bundled) {
    return TypeSpec.withoutVersion(bundled);
  }

  /** The schema version of a {@link #bundled} artifact type. */
  static String version(String bundled) {
    int at = bundled.indexOf('@');
    return at < 0 ? SCHEMA_VERSION : bundled.substring(at + 1);
  }

  static boolean inputIsArtifact(ComponentSpec spec, String input) {
    return spec.inputIsArtifact(input);
  }

  static boolean outputIsArtifact(ComponentSpec spec, String output) {
    return spec.outputIsArtifact(output);
  }

  /** The parameter type of a (parameter) input or output of type {@code type}; untyped: STRING. */
  static ParameterType parameterType(TypeSpec type) {
    ParameterType t = type == null ? null : ParameterType.ofV1Name(type.name());
    return t == null ? ParameterType.STRING : t;
  }

  static ParameterType parameterType(InputSpec in) {
    return parameterType(in.type());
  }

  static ParameterType parameterType(OutputSpec out) {
    return parameterType(out.type());
  }

  /** The schema title of an artifact of type {@code type}: {@code system.Dataset} for {@code Dataset}. */
  static String schemaTitle(TypeSpec type) {
    String name = type == null ? null : type.name();
    if (name == null) {
      return "system.Artifact";
    }
    if (type.isSchemaTitle()) {
      return name;
    }
    return TITLES.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "system.Artifact");
  }

  /**
   * The value parameters of {@code pipeline} that a task takes as its input of the pipeline's
   * final status ({@link TypeSpec#TASK_FINAL_STATUS}), as a component taking it compiled alone
   * passes its root's input on: KFP 2 types such a root input {@code TASK_FINAL_STATUS} (optional,
   * without default), which kfp4j's parameter types do not name, and reads it back as such.
   */
  static Set<String> finalStatusParameters(Pipeline pipeline) {
    Set<String> out = new TreeSet<>();
    for (Step s : pipeline.steps()) {
      if (s instanceof Task t) {
        t.arguments().forEach((input, a) -> {
          if (a instanceof Argument.PipelineParameter p
              && t.component().input(input).map(in -> TypeSpec.TASK_FINAL_STATUS.equals(in.type())).orElse(false)
              && pipeline.parameter(p.name()).map(param -> !param.isArtifact()).orElse(false)) {
            out.add(p.name());
          }
        });
      }
    }
    return out;
  }

  /**
   * The artifact parameters of {@code pipeline} that a task takes as an input taking a list of artifacts ({@link
   * InputSpec#isArtifactList}), as a component taking one compiled alone passes its root's input on, or that a loop
   * iterates over ({@code artifactIterator}), or that a called pipeline takes as such a list: KFP 2 marks such a root
   * input {@code isArtifactList}, which kfp4j's parameters do not, and reads it back as such.
   */
  static Set<String> artifactListParameters(Pipeline pipeline) {
    Set<String> out = new TreeSet<>();
    for (Step s : pipeline.steps()) {
      if (s instanceof Task t) {
        t.arguments().forEach((input, a) -> {
          if (a instanceof Argument.PipelineParameter p && t.component().input(input).map(InputSpec::isArtifactList).orElse(false)) {
            out.add(p.name());
          }
        });
      }
    }
    for (dev.kfp4j.model.Node n : pipeline.allNodes()) {
      if (n instanceof dev.kfp4j.model.Loop loop && pipeline.overArtifacts(loop)
          && ((dev.kfp4j.model.Loop.Over) loop.items()).source() instanceof Argument.PipelineParameter p) {
        out.add(p.name());
      }
      if (n instanceof dev.kfp4j.model.CalledPipeline call) { // given to a called pipeline's list: a list here too
        Set<String> lists = artifactListParameters(call.pipeline());
        call.arguments().forEach((parameter, a) -> {
          if (a instanceof Argument.PipelineParameter p && lists.contains(parameter)) {
            out.add(p.name());
          }
        });
      }
    }
    return out;
  }

  /** The Python type KFP's header comment shows for a parameter type. */
  static String pythonName(ParameterType type) {
    return switch (type) {
      case INTEGER -> "int";
      case FLOAT -> "float";
      case BOOLEAN -> "bool";
      case STRING -> "str";
      case LIST -> "list";
      case STRUCT -> "dict";
    };
  }
}
