package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.TaskConfigs;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code TrainJob}, compiled by the real processor: its components take KFP 2's {@code dsl.TaskConfig} ({@code
 * TASK_CONFIG}, no input of their tasks) and list {@code taskConfigPassthroughs}; run here, each gets its task's
 * settings of the listed fields, as KFP's driver gives them, and only those applied to the task are set on its process.
 */
class TrainJobTest {
  private static final String PIPELINE = "META-INF/kfp4j/kfp2/pipelines/train-job.yaml";
  private static final String COMPONENT = "META-INF/kfp4j/kfp2/components/launch-train-job.yaml";

  @TempDir Path dir;

  @Test
  void theSpecTakesTheTaskConfigAndListsThePassthroughs() {
    String yaml = Yaml.resource(getClass(), PIPELINE);
    if (Kfp2FormatTest.shared()) {
      Kfp2Schemas.assertValid(yaml, PIPELINE);
    }
    JsonNode spec = Yaml.readAll(yaml).get(0);
    JsonNode launch = spec.at("/components/comp-launch-train-job");
    assertEquals("TASK_CONFIG", launch.at("/inputDefinitions/parameters/config/parameterType").asString(), yaml);
    assertTrue(launch.at("/inputDefinitions/parameters/config/isOptional").asBoolean(), yaml);
    assertEquals(Yaml.readJson("[{\"field\": \"RESOURCES\"}, {\"field\": \"KUBERNETES_TOLERATIONS\"},"
        + " {\"field\": \"KUBERNETES_NODE_SELECTOR\"}, {\"field\": \"ENV\", \"applyToTask\": true}]"), launch.get("taskConfigPassthroughs"));
    // no task gives it: KFP's driver does
    assertTrue(spec.at("/root/dag/tasks/launch-train-job/inputs/parameters/config").isMissingNode(), yaml);
    assertTrue(spec.at("/root/dag/tasks/forward-env/inputs").isMissingNode(), yaml);
    Pipeline back = Kfp2Reader.read(yaml, PIPELINE);
    ComponentSpec c = ((Task) back.nodes().stream().filter(n -> n.name().equals("launch-train-job")).findFirst().orElseThrow()).component();
    assertEquals(TypeSpec.TASK_CONFIG, c.input("config").orElseThrow().type());
    assertEquals(List.of(new TaskConfigs.Passthrough("RESOURCES", false), new TaskConfigs.Passthrough("KUBERNETES_TOLERATIONS", false),
        new TaskConfigs.Passthrough("KUBERNETES_NODE_SELECTOR", false), new TaskConfigs.Passthrough("ENV", true)), TaskConfigs.of(c));
    assertEquals(yaml, Kfp2Writer.write(back), "read back and written again");
  }

  @Test
  void theComponentFileLoadsBackWithItsTaskConfig() {
    String yaml = Yaml.resource(getClass(), COMPONENT);
    if (Kfp2FormatTest.shared()) {
      Kfp2Schemas.assertValid(yaml, COMPONENT);
    }
    ComponentSpec c = Kfp2Reader.readComponent(yaml, COMPONENT);
    assertEquals(TypeSpec.TASK_CONFIG, c.input("config").orElseThrow().type());
    assertTrue(c.input("config").orElseThrow().optional());
    assertEquals("RESOURCES,KUBERNETES_TOLERATIONS,KUBERNETES_NODE_SELECTOR,ENV:applyToTask", c.annotations().get(TaskConfigs.ANNOTATION));
    // as a pipeline of its one task, the root takes no TaskConfig
    assertEquals(List.of("numNodes"), Kfp2Reader.read(yaml, COMPONENT).parameters().stream().map(p -> p.name()).toList());
  }

  @ParameterizedTest
  @EnumSource(value = LocalRunner.JavaMode.class, names = {"IN_PROCESS", "SUBPROCESS"})
  void eachComponentGetsItsListedSettingsAndOnlyAppliedOnesOnItsProcess(LocalRunner.JavaMode mode) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), PIPELINE);
    RunResult r = LocalRunner.builder().root(dir).caching(false).javaMode(mode)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of("numNodes", "3"));
    assertTrue(r.succeeded(), console::toString);
    JsonNode job = Yaml.readJson(r.output("launch-train-job", "trainJob"));
    assertEquals(3, job.at("/spec/trainer/numNodes").asInt(), job::toString);
    assertEquals(Yaml.readJson("{\"limits\": {\"memory\": \"2Gi\"}, \"requests\": {\"cpu\": \"1\"}}"),
        job.at("/spec/trainer/resourcesPerNode"), job::toString);
    assertEquals(Yaml.readJson("[{\"name\": \"MODE\", \"value\": \"train\"}]"), job.at("/spec/trainer/env"), job::toString);
    assertEquals(Yaml.readJson("{\"pool\": \"gpu\"}"), job.at("/spec/podSpecOverrides/0/nodeSelector"), job::toString);
    assertEquals(Yaml.readJson("[{\"key\": \"gpu\", \"operator\": \"Equal\", \"value\": \"true\", \"effect\": \"NoSchedule\"}]"),
        job.at("/spec/podSpecOverrides/0/tolerations"), job::toString);
    // ENV is applied to the task too: its own process has MODE
    assertEquals("train", r.output("launch-train-job", "podMode"), console::toString);
    // ENV passed through only: the config has STAGE, the task's process has not
    assertEquals("{\"env\": [{\"name\": \"STAGE\", \"value\": \"prod\"}], \"resources\": {}}\tunset", r.output("forward-env", "Output"), console::toString);
  }

  @Test
  void runsTheComponentFileAsAPipelineWithAnEmptyConfig() {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Workflow wf = Workflow.resource(getClass().getClassLoader(), COMPONENT);
    RunResult r = LocalRunner.builder().root(dir).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).build().run(wf, Map.of("numNodes", "1"));
    assertTrue(r.succeeded(), console::toString);
    JsonNode job = Yaml.readJson(r.output("launch-train-job", "trainJob"));
    // as KFP's driver gives it: no field passed through, and its resources, a struct, empty
    assertEquals("{}", job.at("/spec/trainer/resourcesPerNode").toString(), job::toString);
    assertEquals("unset", r.output("launch-train-job", "podMode"), console::toString);
  }
}
