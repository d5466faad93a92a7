package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline's status in KFP 2's exit task: an input typed {@link TypeSpec#TASK_FINAL_STATUS}
 * taking {@link Argument.RunValue.Kind#STATUS} is written as KFP's compiler writes a {@code
 * PipelineTaskFinalStatus} parameter, read back as the same argument, and given by the local
 * runner as KFP's struct, {@code {"state": "SUCCEEDED", ...}}.
 */
class FinalStatusTest {
  @TempDir Path dir;

  private static final Argument STATUS = new Argument.RunValue(Argument.RunValue.Kind.STATUS);

  private static ComponentSpec shell(String name, String script, List<InputSpec> inputs, List<OutputSpec> outputs, List<Placeholder> more) {
    List<Placeholder> args = new java.util.ArrayList<>(List.of(new Placeholder.Literal("-c"), new Placeholder.Literal(script)));
    args.addAll(more);
    return new ComponentSpec(name, null, null, null, inputs, outputs,
        new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("sh")), args, null, null), null);
  }

  private static Pipeline pipeline(String exitCode) {
    ComponentSpec work = shell("work", "exit " + exitCode, List.of(), List.of(), List.of());
    ComponentSpec report = shell("report", "printf %s \"$0\" > \"$1\"",
        List.of(new InputSpec("status", TypeSpec.TASK_FINAL_STATUS, null, null, true)),
        List.of(new OutputSpec("out", TypeSpec.named("String"), null)),
        List.of(new Placeholder.InputValue("status"), new Placeholder.OutputPath("out")));
    return new Pipeline("final-status", null, List.of(), List.of(new Task("work", work, Map.of())),
        new Task("report", report, Map.of("status", STATUS)), PipelineSettings.DEFAULTS, null);
  }

  private String reported(String yaml) throws Exception {
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "final-status.yaml"), Map.of());
    TaskResult t = r.tasks().stream().filter(x -> x.name().equals("report")).findFirst().orElseThrow();
    return t.outputs().containsKey("out") ? t.outputs().get("out") : Files.readString(t.artifacts().get("out"));
  }

  @Test
  void kfp2WritesAndReadsTheExitTasksFinalStatusAsKfpsCompilerDoes() {
    String yaml = Kfp2Writer.write(pipeline("0"));
    JsonNode spec = Yaml.read(yaml);
    assertEquals("TASK_FINAL_STATUS", spec.at("/components/comp-report/inputDefinitions/parameters/status/parameterType").asString());
    assertTrue(spec.at("/components/comp-report/inputDefinitions/parameters/status/isOptional").asBoolean());
    assertEquals("exit-handler-1", spec.at("/root/dag/tasks/report/inputs/parameters/status/taskFinalStatus/producerTask").asString());
    Pipeline back = Kfp2Reader.read(yaml, "final-status.yaml");
    assertEquals(STATUS, back.exitTask().arguments().get("status"));
    assertEquals(TypeSpec.TASK_FINAL_STATUS, back.exitTask().component().input("status").orElseThrow().type());
  }

  @Test
  void theLocalRunnerGivesKfpsStructWithTheState() throws Exception {
    JsonNode ok = Yaml.json().readTree(reported(Kfp2Writer.write(pipeline("0"))));
    assertEquals("SUCCEEDED", ok.path("state").asString());
    assertEquals("exit-handler-1", ok.path("pipelineTaskName").asString());
    JsonNode failed = Yaml.json().readTree(reported(Kfp2Writer.write(pipeline("3"))));
    assertEquals("FAILED", failed.path("state").asString());
  }

  @Test
  void inAnArgoWorkflowTheLocalRunnerGivesArgosTextAsTheClusterDoes() throws Exception {
    String yaml = dev.kfp4j.format.argo.ArgoWriter.write(pipeline("0"));
    assertTrue(yaml.contains("{{workflow.status}}"), yaml);
    assertEquals("Succeeded", reported(yaml));
    assertEquals("Failed", reported(dev.kfp4j.format.argo.ArgoWriter.write(pipeline("3"))));
  }

  @Test
  void onlyTheExitTasksFinalStatusInputTakesTheStatus() {
    Pipeline p = pipeline("0");
    Task inDag = new Task("early", p.exitTask().component(), Map.of("status", STATUS));
    Pipeline early = new Pipeline(p.name(), null, List.of(), List.of(p.nodes().get(0), inDag), null, PipelineSettings.DEFAULTS, null);
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Writer.write(early));
    assertTrue(e.getMessage().contains("which KFP 2 gives the exit task only"), e.getMessage());
    assertFalse(Kfp2Writer.write(p).contains("{{workflow.status}}"));
  }
}
