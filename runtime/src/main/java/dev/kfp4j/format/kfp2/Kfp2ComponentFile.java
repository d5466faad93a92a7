package dev.kfp4j.format.kfp2;

import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.TaskConfigs;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.BlockYaml;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reusable KFP 2 component file of one component, written straight from the component: the
 * same bytes as {@link Kfp2Writer#write} of {@link Kfp2Writer#componentPipeline}, without planning
 * a pipeline (levels, DAG walk, settings) around its one task, and without a tree to write: its
 * keys are written in the order {@link BlockYaml#writeSorted} gives them, names sorted, and each
 * key and text as it writes them. The processor writes one per {@code @Component}, so this is on
 * every build's path.
 */
final class Kfp2ComponentFile {
  private final ComponentSpec component;
  private final String task;
  private final String where;
  private final List<InputSpec> artifactInputs = new ArrayList<>();
  private final List<InputSpec> parameterInputs = new ArrayList<>();
  /** The parameter inputs the root takes: all but the task's configuration, which KFP's driver gives the task. */
  private final List<InputSpec> rootParameters = new ArrayList<>();
  private final List<OutputSpec> artifactOutputs = new ArrayList<>();
  private final List<OutputSpec> parameterOutputs = new ArrayList<>();
  private final StringBuilder out = new StringBuilder(4096);

  /** For {@code pipeline}, the {@link Kfp2Writer#componentPipeline} of {@code component}, whose parameters say which inputs are artifacts. */
  private Kfp2ComponentFile(ComponentSpec component, Pipeline pipeline, String task, String where) {
    this.component = component;
    this.task = task;
    this.where = where;
    Map<String, InputSpec> inputs = new TreeMap<>();
    for (InputSpec in : component.inputs()) {
      inputs.put(in.name(), in);
    }
    Set<String> artifacts = new HashSet<>();
    for (Parameter p : pipeline.parameters()) {
      if (p.isArtifact()) {
        artifacts.add(p.name());
      }
    }
    for (InputSpec in : inputs.values()) {
      (artifacts.contains(in.name()) ? artifactInputs : parameterInputs).add(in);
      if (!artifacts.contains(in.name()) && !TaskConfigs.isTaskConfig(in)) {
        rootParameters.add(in);
      }
    }
    Map<String, OutputSpec> outputs = new TreeMap<>();
    for (OutputSpec o : component.outputs()) {
      outputs.put(o.name(), o);
    }
    for (OutputSpec o : outputs.values()) {
      (component.outputIsArtifact(o.name()) ? artifactOutputs : parameterOutputs).add(o);
    }
  }

  static String write(ComponentSpec component, String source) {
    Pipeline pipeline = Kfp2Writer.componentPipeline(component, source); // checks names as the pipeline path does
    String task = pipeline.steps().get(0).name();
    Kfp2ComponentFile file = new Kfp2ComponentFile(component, pipeline, task, "pipeline '" + pipeline.name() + "', task '" + task + "'");
    BlockYaml.appendComment(Kfp2Writer.header(pipeline, file.outputTypes()), file.out);
    file.spec(pipeline);
    return file.out.toString();
  }

  /** Each output's type as KFP's header names it: a parameter's Python type, an artifact's schema title. */
  private TreeMap<String, String> outputTypes() {
    TreeMap<String, String> types = new TreeMap<>();
    for (OutputSpec o : parameterOutputs) {
      types.put(o.name(), Kfp2Types.pythonName(Kfp2Types.parameterType(o)));
    }
    for (OutputSpec o : artifactOutputs) {
      types.put(o.name(), Kfp2Types.title(Kfp2Types.schemaTitle(o.type())));
    }
    return types;
  }

  private void spec(Pipeline pipeline) {
    open(0, "components");
    name(2, "comp-" + task);
    text(4, "executorLabel", "exec-" + task);
    inputDefinitions(4, false);
    outputDefinitions(4);
    passthroughs(4);
    open(0, "deploymentSpec");
    open(2, "executors");
    name(4, "exec-" + task);
    container(6, Kfp2Components.container(component, where));
    open(0, "pipelineInfo");
    if (pipeline.description() != null && !pipeline.description().isEmpty()) {
      text(2, "description", pipeline.description());
    }
    text(2, "name", pipeline.name());
    open(0, "root");
    dag(2);
    inputDefinitions(2, true);
    outputDefinitions(2);
    text(0, "schemaVersion", Kfp2Writer.SCHEMA_VERSION);
    text(0, "sdkVersion", Kfp2Writer.SDK_VERSION);
  }

  /**
   * A component's input definitions ({@code root} false) or the root's: the root's artifacts are
   * optional only when the input is; an input of the pipeline's final status is an optional {@code
   * TASK_FINAL_STATUS} parameter in both, as KFP's compiler writes a component taking one.
   */
  private void inputDefinitions(int indent, boolean root) {
    List<InputSpec> parameterInputs = root ? rootParameters : this.parameterInputs;
    if (artifactInputs.isEmpty() && parameterInputs.isEmpty()) {
      return;
    }
    open(indent, "inputDefinitions");
    if (!artifactInputs.isEmpty()) {
      open(indent + 2, "artifacts");
      for (InputSpec in : artifactInputs) {
        name(indent + 4, in.name());
        artifactType(indent + 6, in.type());
        description(indent + 6, in.description());
        if (in.isArtifactList()) {
          flag(indent + 6, "isArtifactList");
        }
        if (in.optional() || !root && in.defaultValue() != null) {
          flag(indent + 6, "isOptional");
        }
      }
    }
    if (!parameterInputs.isEmpty()) {
      open(indent + 2, "parameters");
      for (InputSpec in : parameterInputs) {
        boolean status = TypeSpec.TASK_FINAL_STATUS.equals(in.type());
        boolean config = TaskConfigs.isTaskConfig(in);
        ParameterType type = Kfp2Types.parameterType(in);
        name(indent + 4, in.name());
        if (in.defaultValue() != null && !status) {
          String what = root ? "parameter '" + in.name() + "'" : where + ": default of input '" + in.name() + "'";
          key(indent + 6, "defaultValue");
          BlockYaml.appendSortedValue(Kfp2Components.value(in.defaultValue(), type, what), indent + 6, out);
        }
        description(indent + 6, in.description());
        if (status || config || in.optional() || in.defaultValue() != null) {
          flag(indent + 6, "isOptional");
        }
        text(indent + 6, "parameterType", status ? Kfp2Types.TASK_FINAL_STATUS : config ? Kfp2Types.TASK_CONFIG : type.v2Name());
      }
    }
  }

  /** The component's {@code taskConfigPassthroughs}, as KFP's compiler writes them ({@code applyToTask} only when true). */
  private void passthroughs(int indent) {
    List<TaskConfigs.Passthrough> passthroughs = TaskConfigs.of(component);
    if (passthroughs.isEmpty()) {
      return;
    }
    open(indent, "taskConfigPassthroughs");
    for (TaskConfigs.Passthrough p : passthroughs) {
      dash(indent);
      if (p.applyToTask()) {
        out.append("applyToTask: true\n");
        pad(indent + 2);
      }
      out.append("field: ").append(p.field()).append('\n');
    }
  }

  /** A component's output definitions, or the root's (the same). */
  private void outputDefinitions(int indent) {
    if (artifactOutputs.isEmpty() && parameterOutputs.isEmpty()) {
      return;
    }
    open(indent, "outputDefinitions");
    if (!artifactOutputs.isEmpty()) {
      open(indent + 2, "artifacts");
      for (OutputSpec o : artifactOutputs) {
        name(indent + 4, o.name());
        artifactType(indent + 6, o.type());
        description(indent + 6, o.description());
      }
    }
    if (!parameterOutputs.isEmpty()) {
      open(indent + 2, "parameters");
      for (OutputSpec o : parameterOutputs) {
        name(indent + 4, o.name());
        description(indent + 6, o.description());
        text(indent + 6, "parameterType", Kfp2Types.parameterType(o).v2Name());
      }
    }
  }

  private void container(int indent, Kfp2Components.Container c) {
    open(indent, "container");
    list(indent + 2, "args", c.args());
    list(indent + 2, "command", c.command());
    if (!c.env().isEmpty()) {
      open(indent + 2, "env");
      for (Map.Entry<String, String> e : c.env().entrySet()) {
        item(indent + 2, "name", e.getKey());
        text(indent + 4, "value", e.getValue());
      }
    }
    if (c.image() == null) {
      key(indent + 2, "image");
      out.append(" null\n");
    } else {
      text(indent + 2, "image", c.image());
    }
  }

  /** The root's DAG: the one task taking every input from the root's, the root giving every output of the task. */
  private void dag(int indent) {
    open(indent, "dag");
    if (!artifactOutputs.isEmpty() || !parameterOutputs.isEmpty()) {
      open(indent + 2, "outputs");
      if (!artifactOutputs.isEmpty()) {
        open(indent + 4, "artifacts");
        for (OutputSpec o : artifactOutputs) {
          name(indent + 6, o.name());
          open(indent + 8, "artifactSelectors");
          item(indent + 8, "outputArtifactKey", o.name());
          text(indent + 10, "producerSubtask", task);
        }
      }
      if (!parameterOutputs.isEmpty()) {
        open(indent + 4, "parameters");
        for (OutputSpec o : parameterOutputs) {
          name(indent + 6, o.name());
          open(indent + 8, "valueFromParameter");
          text(indent + 10, "outputParameterKey", o.name());
          text(indent + 10, "producerSubtask", task);
        }
      }
    }
    open(indent + 2, "tasks");
    name(indent + 4, task);
    int t = indent + 6;
    open(t, "cachingOptions");
    flag(t + 2, "enableCache");
    open(t, "componentRef");
    text(t + 2, "name", "comp-" + task);
    if (!artifactInputs.isEmpty() || !rootParameters.isEmpty()) {
      open(t, "inputs");
      if (!artifactInputs.isEmpty()) {
        open(t + 2, "artifacts");
        for (InputSpec in : artifactInputs) {
          name(t + 4, in.name());
          text(t + 6, "componentInputArtifact", in.name());
        }
      }
      if (!rootParameters.isEmpty()) {
        open(t + 2, "parameters");
        for (InputSpec in : rootParameters) {
          name(t + 4, in.name());
          text(t + 6, "componentInputParameter", in.name());
        }
      }
    }
    open(t, "taskInfo");
    text(t + 2, "name", task);
  }

  private void artifactType(int indent, TypeSpec type) {
    open(indent, "artifactType");
    String bundled = Kfp2Types.schemaTitle(type);
    text(indent + 2, "schemaTitle", Kfp2Types.title(bundled));
    text(indent + 2, "schemaVersion", Kfp2Types.version(bundled));
  }

  private void description(int indent, String description) {
    if (description != null && !description.isEmpty()) {
      text(indent, "description", description);
    }
  }

  /** A list of texts at its key's indentation; nothing for an empty one (KFP leaves it out). */
  private void list(int indent, String key, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    open(indent, key);
    for (String item : items) {
      dash(indent);
      BlockYaml.appendText(item, indent, out);
      out.append('\n');
    }
  }

  /** {@code key:} of a map or list on the next lines; {@code key} is a name of the format, written as it is. */
  private void open(int indent, String key) {
    key(indent, key);
    out.append('\n');
  }

  /** A name given by the component (an input, output or task), as the key of a map on the next lines. */
  private void name(int indent, String name) {
    pad(indent);
    BlockYaml.appendKey(name, out);
    out.append(":\n");
  }

  private void text(int indent, String key, String text) {
    key(indent, key);
    value(text, indent);
  }

  /** {@code - key: text}, a list's item whose first key follows the dash at {@code indent}, its next keys below it. */
  private void item(int indent, String key, String text) {
    dash(indent);
    out.append(key).append(':');
    value(text, indent + 2);
  }

  private void value(String text, int column) {
    out.append(' ');
    BlockYaml.appendText(text, column, out);
    out.append('\n');
  }

  private void flag(int indent, String key) {
    key(indent, key);
    out.append(" true\n");
  }

  private void key(int indent, String key) {
    pad(indent);
    out.append(key).append(':');
  }

  /** {@code - } at {@code indent}: the item's first key follows on the same line, at {@code indent + 2}. */
  private void dash(int indent) {
    pad(indent);
    out.append("- ");
  }

  private void pad(int indent) {
    BlockYaml.appendPad(indent, out);
  }
}
