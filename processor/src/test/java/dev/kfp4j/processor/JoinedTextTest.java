package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A text joined with {@code +} from constants, pipeline parameters, task outputs and loop items, as a KFP user writes an
 * f-string ({@code print_op(text=f'Hello {name}')}, KFP's {@code pipeline_with_params_containing_format.py} and {@code
 * flip_coin.py}): written as KFP's compiler writes it, an input of the task's own per value ({@code pipelinechannel--name}) and
 * the text with their placeholders, and run locally with each filled in. It was an {@code UnsupportedArgument} error.
 */
class JoinedTextTest {
  @TempDir Path dir;

  private static final String[] BODY = {
      "@Pipeline(formats = Format.KFP2) public static void p(@Default(\"KFP\") String name) {",
      "  var hello = LibOps.greet(\"Hello \" + name);",
      "  LibOps.greet(hello.output() + \", again.\");",
      "  var n = LibOps.add(2, 3);",
      "  Dsl.forEach(List.of(\"1\", \"2\"), item -> LibOps.greet(item + \" and \" + name + \", \" + n.output() + \"!\"));",
      "}"};

  @Test
  void aJoinedTextIsWrittenAsKfpsCompilerWritesAnFString() {
    JsonNode spec = Kfp2PipelineTest.compile(BODY).spec();
    // KFP's pipeline_with_params_containing_format.yaml, print-op and print-op-2
    assertThat(Kfp2PipelineTest.task(spec, "root", "greet").get("inputs")).isEqualTo(Yaml.read(
        "{parameters: {pipelinechannel--name: {componentInputParameter: name},"
            + " name: {runtimeValue: {constant: \"Hello {{$.inputs.parameters['pipelinechannel--name']}}\"}}}}"));
    JsonNode again = Kfp2PipelineTest.task(spec, "root", "greet-2");
    assertThat(again.get("inputs")).isEqualTo(Yaml.read(
        "{parameters: {pipelinechannel--greet-Output: {taskOutputParameter: {producerTask: greet, outputParameterKey: Output}},"
            + " name: {runtimeValue: {constant: \"{{$.inputs.parameters['pipelinechannel--greet-Output']}}, again.\"}}}}"));
    assertThat(again.get("dependentTasks")).isEqualTo(Yaml.read("[greet]"));
    JsonNode inLoop = Kfp2PipelineTest.task(spec, "comp-for-loop-2", "greet-3");
    assertThat(inLoop.at("/inputs/parameters/name/runtimeValue/constant").asString()).isEqualTo(
        "{{$.inputs.parameters['pipelinechannel--loop-item-param-1']}} and {{$.inputs.parameters['pipelinechannel--name']}}, "
            + "{{$.inputs.parameters['pipelinechannel--add-Output']}}!");
    assertThat(inLoop.at("/inputs/parameters/pipelinechannel--loop-item-param-1/componentInputParameter").asString())
        .isEqualTo("pipelinechannel--loop-item-param-1");
    assertThat(inLoop.at("/inputs/parameters/pipelinechannel--add-Output/componentInputParameter").asString())
        .isEqualTo("pipelinechannel--add-Output");
  }

  /** KFP's {@code new_value = f' and {name}.'}, given in a loop: a String variable given a joined text is read where it is given. */
  @Test
  void aStringVariableGivenAJoinedTextIsThatText() throws Exception {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(
        "@Pipeline(formats = Format.KFP2) public static void p(@Default(\"KFP\") String name) {",
        "  String newValue = \" and \" + name + \".\";",
        "  Dsl.forEach(List.of(\"1\", \"2\"), item -> LibOps.greet(newValue));",
        "}");
    assertThat(Kfp2PipelineTest.task(c.spec(), "comp-for-loop-2", "greet").get("inputs")).isEqualTo(Yaml.read(
        "{parameters: {pipelinechannel--name: {componentInputParameter: pipelinechannel--name},"
            + " name: {runtimeValue: {constant: \" and {{$.inputs.parameters['pipelinechannel--name']}}.\"}}}}"));
    assertThat(run(c, Map.of("name", "Ada")).output("for-loop-2(0)/greet", "Output")).isEqualTo(" and Ada.");
  }

  private RunResult run(Kfp2PipelineTest.Compiled c, Map<String, String> arguments) throws Exception {
    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      RunResult r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build().run(Workflow.parse(c.kfp2(), "p.yaml"), arguments);
      assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
      return r;
    }
  }

  @Test
  void locallyEachValueIsFilledIn() throws Exception {
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(BODY);
    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    RunResult r;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build()
          .run(Workflow.parse(c.kfp2(), "p.yaml"), Map.of("name", "Ada"));
    }
    assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
    assertThat(r.output("greet", "Output")).isEqualTo("Hello Ada");
    assertThat(r.output("greet-2", "Output")).isEqualTo("Hello Ada, again.");
    assertThat(r.output("for-loop-2(1)/greet-3", "Output")).isEqualTo("2 and Ada, 5!");
  }

  /**
   * Written for Argo too, a joined text is the text with each value's Argo reference, as KFP v1's compiler wrote an f-string of
   * pipeline parameters ({@code _op_to_template._process_obj}); it was a {@code NotInArgo} error. The workflow is valid, reads
   * back to the same model, and runs to the same texts.
   */
  @Test
  void writtenForArgoAJoinedTextHoldsEachValuesReference() throws Exception {
    String[] body = BODY.clone();
    body[0] = body[0].replace("@Pipeline(formats = Format.KFP2)", "@Pipeline");
    Kfp2PipelineTest.Compiled c = Kfp2PipelineTest.compile(body);
    String argo = c.argo();
    dev.kfp4j.testing.ArgoSchemas.assertValid(argo, "p.yaml");
    assertThat(dev.kfp4j.format.argo.ArgoRules.errors(Yaml.readAll(argo).get(0))).isEmpty();
    JsonNode dag = Yaml.readAll(argo).get(0).at("/spec/templates");
    java.util.List<String> values = new java.util.ArrayList<>();
    dag.forEach(t -> t.path("dag").path("tasks").forEach(task -> task.path("arguments").path("parameters")
        .forEach(a -> values.add(task.path("name").asString() + ": " + a.path("name").asString() + "=" + a.path("value").asString()))));
    assertThat(values).containsAtLeast("greet: name=Hello {{workflow.parameters.name}}",
        "greet-2: name={{tasks.greet.outputs.parameters.Output}}, again.",
        "greet-3: name={{inputs.parameters.loop-item-param-1}} and {{workflow.parameters.name}}, {{inputs.parameters.add-Output}}!");
    assertThat(values.stream().filter(v -> v.contains("pipelinechannel")).toList()).isEmpty();
    dev.kfp4j.model.Pipeline read = dev.kfp4j.format.argo.ArgoReader.read(argo, "p.yaml");
    assertThat(dev.kfp4j.format.argo.ArgoWriter.write(read)).isEqualTo(argo);
    assertThat(((dev.kfp4j.model.Task) read.node("greet-2").orElseThrow()).arguments()).isEqualTo(Map.of(
        "name", dev.kfp4j.model.Argument.Constant.of("{{$.inputs.parameters['pipelinechannel--greet-Output']}}, again."),
        "pipelinechannel--greet-Output", new dev.kfp4j.model.Argument.TaskOutput("greet", "Output")));

    Path classes = Compile.writeOutput(c.compilation(), dir.resolve("classes"));
    RunResult r;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build()
          .run(Workflow.parse(argo, "p.yaml"), Map.of("name", "Ada"));
    }
    assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
    assertThat(r.output("greet", "Output")).isEqualTo("Hello Ada");
    assertThat(r.output("greet-2", "Output")).isEqualTo("Hello Ada, again.");
    assertThat(r.output("for-loop-2(1)/greet-3", "Output")).isEqualTo("2 and Ada, 5!");
  }
}
