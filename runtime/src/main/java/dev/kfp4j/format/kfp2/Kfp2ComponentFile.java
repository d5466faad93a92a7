package dev.kfp4j.format.kfp2;

import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.yaml.BlockYaml;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reusable KFP 2 component file of one component, built straight from the component: the same
 * bytes as {@link Kfp2Writer#write} of {@link Kfp2Writer#componentPipeline}, without planning a
 * pipeline (levels, DAG walk, settings) around its one task. The processor writes one per
 * {@code @Component}, so this is on every build's path.
 */
final class Kfp2ComponentFile {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Kfp2ComponentFile() {}

  static String write(ComponentSpec component, String source) {
    Pipeline pipeline = Kfp2Writer.componentPipeline(component, source); // checks names as the pipeline path does
    String task = pipeline.steps().get(0).name();
    String where = "pipeline '" + pipeline.name() + "', task '" + task + "'";
    ObjectNode spec = NODES.objectNode();
    ObjectNode definitions = Kfp2Components.definitions(component, where);
    definitions.put("executorLabel", "exec-" + task);
    spec.putObject("components").set("comp-" + task, definitions);
    spec.putObject("deploymentSpec").putObject("executors").putObject("exec-" + task)
        .set("container", Kfp2Components.executor(component, NODES.objectNode(), where));
    ObjectNode info = spec.putObject("pipelineInfo");
    info.put("name", pipeline.name());
    if (pipeline.description() != null && !pipeline.description().isEmpty()) {
      info.put("description", pipeline.description());
    }
    ObjectNode root = root(component, task);
    spec.set("root", root);
    spec.put("schemaVersion", Kfp2Writer.SCHEMA_VERSION);
    spec.put("sdkVersion", Kfp2Writer.SDK_VERSION);
    return BlockYaml.writeSorted(spec, Kfp2Writer.header(pipeline, root));
  }

  /** The root: the task taking every input from the root's, the root giving every output of the task. */
  private static ObjectNode root(ComponentSpec component, String task) {
    ObjectNode root = NODES.objectNode();
    ObjectNode t = root.putObject("dag").putObject("tasks").putObject(task);
    t.putObject("taskInfo").put("name", task);
    t.putObject("cachingOptions").put("enableCache", true);
    for (InputSpec in : component.inputs()) {
      boolean artifact = Kfp2Types.inputIsArtifact(component, in.name());
      t.withObject("inputs").withObject(artifact ? "artifacts" : "parameters").putObject(in.name())
          .put(artifact ? "componentInputArtifact" : "componentInputParameter", in.name());
    }
    t.putObject("componentRef").put("name", "comp-" + task);
    for (OutputSpec out : component.outputs()) {
      ObjectNode outputs = root.withObject("dag").withObject("outputs");
      if (Kfp2Types.outputIsArtifact(component, out.name())) {
        outputs.withObject("artifacts").putObject(out.name()).putArray("artifactSelectors").addObject()
            .put("producerSubtask", task).put("outputArtifactKey", out.name());
        Kfp2Components.artifactType(root.withObject("outputDefinitions").withObject("artifacts").putObject(out.name()),
            Kfp2Types.schemaTitle(out.type()));
      } else {
        outputs.withObject("parameters").putObject(out.name()).putObject("valueFromParameter")
            .put("producerSubtask", task).put("outputParameterKey", out.name());
        root.withObject("outputDefinitions").withObject("parameters").putObject(out.name())
            .put("parameterType", Kfp2Types.parameterType(out).v2Name());
      }
    }
    for (InputSpec in : component.inputs()) {
      ObjectNode def;
      if (Kfp2Types.inputIsArtifact(component, in.name())) {
        def = root.withObject("inputDefinitions").withObject("artifacts").putObject(in.name());
        Kfp2Components.artifactType(def, Kfp2Types.schemaTitle(in.type()));
      } else {
        def = root.withObject("inputDefinitions").withObject("parameters").putObject(in.name());
        ParameterType type = Kfp2Types.parameterType(in);
        def.put("parameterType", type.v2Name());
        if (in.defaultValue() != null) {
          def.set("defaultValue", Kfp2Components.value(in.defaultValue(), type, "parameter '" + in.name() + "'"));
        }
      }
      if (in.optional() || in.defaultValue() != null && !Kfp2Types.inputIsArtifact(component, in.name())) {
        def.put("isOptional", true);
      }
      if (in.description() != null && !in.description().isEmpty()) {
        def.put("description", in.description());
      }
    }
    return root;
  }
}
