package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A task's inputs of its own, which KFP's compiler gives it beyond its component's: the channels of an f-string (a text
 * joined with {@code +}) and, for a setting whose value the run gives ({@code cpuLimit(cpu)}), the setting's field and its
 * channel. KFP's driver passes every input of the task in the executor input ({@code resolveInputs} loops over the task's
 * inputs), and its launcher fills each placeholder in; a local run of a KFP 2 pipeline gives the same, which a container
 * component printing its executor input ({@code {{$}}}) shows. The local runner gave the component's inputs alone.
 */
class TaskOwnInputsTest {
  @TempDir Path dir;

  private static final JavaFileObject IMPORTS = Compile.source("test.Imports", "package test;", "import dev.kfp4j.annotations.*;",
      "@ImportComponents(\"testcomponents/executor_input.kfp2.yaml\")",
      "public final class Imports {}");

  private static final String[] BODY = {
      "@Component public static int add(int a, int b) { return a + b; }",
      "@Component public static String greet(String name) { return name; }",
      "@Pipeline(name = \"own-inputs\", formats = Format.KFP2)",
      "public static String p(@Default(\"Ada\") String name, @Default(\"3\") long n, @Default(\"500m\") String cpu,",
      "    @Default(\"alpine:3\") String image) {",
      "  var size = POps.add(2, 3);",
      "  var memory = POps.greet(\"1Gi\");",
      "  return ImportsOps.showExecutorInput(\"Hello \" + name + \", \" + n + \" and \" + size.output())",
      "      .cpuLimit(cpu).memoryLimit(memory.output()).containerImage(image).output();",
      "}"};

  @Test
  void aKfp2TasksExecutorInputHoldsEveryInputOfTheTaskAsKfpsDriverGivesThem() throws Exception {
    Compilation c = compile(BODY);
    String yaml = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/own-inputs.yaml");
    JsonNode declared = Yaml.readAll(yaml).get(0).at("/root/dag/tasks/show-executor-input/inputs/parameters");
    RunResult r = run(c, yaml, Map.of());
    JsonNode given = Yaml.readJson(r.output("show-executor-input", "Output")).at("/inputs/parameterValues");
    // each input, the f-string filled in, each channel's value of its type (an integer parameter or output a number), each
    // setting's field the text of its channel's value, as KFP's launcher fills the placeholder in
    assertThat(given).isEqualTo(Yaml.readJson("""
        {"text": "Hello Ada, 3 and 5",
         "pipelinechannel--name": "Ada", "pipelinechannel--n": 3, "pipelinechannel--add-Output": 5,
         "cpu_limit": "500m", "pipelinechannel--cpu": "500m",
         "memory_limit": "1Gi", "pipelinechannel--greet-Output": "1Gi",
         "base_image": "alpine:3", "pipelinechannel--image": "alpine:3"}"""));
    List<String> names = new ArrayList<>();
    declared.propertyNames().forEach(names::add);
    List<String> passed = new ArrayList<>();
    given.propertyNames().forEach(passed::add);
    assertThat(passed).containsExactlyElementsIn(names); // every input the spec gives the task, as the driver's loop over them

    JsonNode other = Yaml.readJson(run(c, yaml, Map.of("name", "Bo", "n", "12", "cpu", "2")).output("show-executor-input", "Output"))
        .at("/inputs/parameterValues");
    assertThat(other.get("text").asString()).isEqualTo("Hello Bo, 12 and 5");
    assertThat(other.get("pipelinechannel--n").isIntegralNumber()).isTrue();
    assertThat(other.get("cpu_limit").asString()).isEqualTo("2");
  }

  /** A Java task given an f-string and a setting from a parameter still gets its component's inputs alone, filled in. */
  @Test
  void aJavaTaskGetsItsOwnInputsAndItsMethodItsParameters() throws Exception {
    Compilation c = compile(
        "@Component public static String greet(String name) { return name; }",
        "@Pipeline(name = \"own-inputs\", formats = Format.KFP2)",
        "public static String p(@Default(\"Ada\") String name, @Default(\"500m\") String cpu) {",
        "  return POps.greet(\"Hello \" + name).cpuLimit(cpu).output();",
        "}");
    RunResult r = run(c, Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/own-inputs.yaml"), Map.of());
    assertThat(r.output("greet", "Output")).isEqualTo("Hello Ada");
    List<String> command = r.task("greet").orElseThrow().command();
    JsonNode input = Yaml.readJson(command.get(command.indexOf("--executor_input") + 1));
    assertThat(input.at("/inputs/parameterValues")).isEqualTo(Yaml.readJson(
        "{\"name\": \"Hello Ada\", \"pipelinechannel--name\": \"Ada\", \"cpu_limit\": \"500m\", \"pipelinechannel--cpu\": \"500m\"}"));
  }

  private Compilation compile(String... body) {
    JavaFileObject pipeline = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"), body);
    Compilation c = Compile.compile(IMPORTS, pipeline);
    assertThat(c).succeeded();
    return c;
  }

  private RunResult run(Compilation c, String yaml, Map<String, String> arguments) throws Exception {
    Path classes = Compile.writeOutput(c, dir.resolve("classes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      RunResult r = LocalRunner.builder().root(dir.resolve("run")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
          .classLoader(loader).progress(false).summary(false).build().run(Workflow.parse(yaml, "own-inputs.yaml"), arguments);
      assertThat(r.failedTask().map(TaskResult::message)).isEmpty();
      return r;
    }
  }
}
