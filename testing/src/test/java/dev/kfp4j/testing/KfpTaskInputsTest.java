package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * KFP's own specs run locally, each executor made a shell command given the executor input ({@code {{$}}}) that writes a
 * value to each of its output files: each task's executor input holds every input KFP's compiler gave the task, as KFP's driver
 * passes them ({@code resolveInputs} loops over the task's inputs), the component's and those beyond it (an f-string's channels,
 * {@code cpu_limit} and its channel), with the values KFP gives them. The local runner gave the component's inputs alone.
 */
class KfpTaskInputsTest {
  @TempDir Path dir;

  /**
   * KFP's spec {@code file} (a resource of this test) with each executor replaced: a shell command taking the executor input as
   * {@code $0} that writes to each output parameter's file the value {@code outputs} gives its executor (default {@code 1}).
   */
  private static String printing(String file, Map<String, String> outputs) {
    ObjectNode spec = (ObjectNode) Yaml.readAll(Yaml.resource(KfpTaskInputsTest.class, file)).get(0).deepCopy();
    spec.path("components").properties().forEach(c -> {
      String label = c.getValue().path("executorLabel").asString("");
      if (label.isEmpty()) {
        return;
      }
      ObjectNode container = (ObjectNode) spec.at("/deploymentSpec/executors/" + label + "/container");
      ArrayNode args = container.putArray("args").add("{{$}}");
      c.getValue().at("/outputDefinitions/parameters").propertyNames()
          .forEach(o -> args.add("{{$.outputs.parameters['" + o + "'].output_file}}"));
      container.putArray("command").add("sh").add("-c").add("for f in \"$@\"; do mkdir -p \"$(dirname \"$f\")\"; printf %s '"
          + outputs.getOrDefault(label, "1") + "' > \"$f\"; done");
    });
    return spec.toString();
  }

  /** Runs {@code file} so; checks each task that ran was given every input of its spec, and returns each one's by task id. */
  private Map<String, JsonNode> run(String file, Map<String, String> outputs, Map<String, String> arguments) {
    String spec = printing(file, outputs);
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build().run(Workflow.parse(spec, file), arguments);
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask().map(TaskResult::message)));
    Map<String, JsonNode> given = new java.util.TreeMap<>();
    JsonNode doc = Yaml.readJson(spec);
    for (TaskResult t : r.tasks()) {
      if (t.command().size() < 4) {
        continue; // a group
      }
      JsonNode values = Yaml.readJson(t.command().get(3)).at("/inputs/parameterValues");
      assertEquals(inputs(doc, t.name()), new TreeSet<>(names(values)), t.id() + ": every input of the task in the spec");
      given.put(t.id(), values);
    }
    assertFalse(given.isEmpty());
    return given;
  }

  /** The inputs the spec gives task {@code name}, in whichever DAG holds it. */
  private static TreeSet<String> inputs(JsonNode spec, String name) {
    List<JsonNode> dags = new ArrayList<>(List.of(spec.at("/root/dag")));
    spec.path("components").forEach(c -> dags.add(c.path("dag")));
    for (JsonNode dag : dags) {
      if (dag.path("tasks").has(name)) {
        return new TreeSet<>(names(dag.path("tasks").path(name).at("/inputs/parameters")));
      }
    }
    throw new AssertionError("no task " + name);
  }

  private static List<String> names(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.propertyNames().forEach(out::add);
    return out;
  }

  @Test
  void anFStringsChannelsWithTheFStringFilledIn() {
    Map<String, JsonNode> given = run("fstrings/pipeline_with_params_containing_format.yaml", Map.of("exec-print-op", "hi"),
        Map.of("name", "Ada"));
    assertEquals(Yaml.readJson("{\"text\": \"Hello Ada\", \"pipelinechannel--name\": \"Ada\"}"), given.get("print-op"));
    assertEquals(Yaml.readJson("{\"text\": \"hi, again.\", \"pipelinechannel--print-op-Output\": \"hi\"}"), given.get("print-op-2"));
    assertEquals(Yaml.readJson("{\"text1\": \"2\", \"text2\": \" and Ada.\", \"pipelinechannel--name\": \"Ada\"}"),
        given.get("for-loop-2(1)/print-op2"));
  }

  /**
   * KFP's driver fails a task whose input of its own resolves to nothing (an optional parameter left out, in an f-string):
   * only an input of the component's may be left out ({@code ErrResolvedParameterNull}). It ran with the placeholder kept.
   */
  @Test
  void aChannelOfAParameterLeftOutFailsTheTask() {
    ObjectNode spec = (ObjectNode) Yaml.readJson(printing("fstrings/pipeline_with_params_containing_format.yaml", Map.of()));
    ((ObjectNode) spec.at("/root/inputDefinitions/parameters/name")).remove("defaultValue");
    // the loop given 'name' too: a run leaving it out is refused before anything runs (LeftOutIntoDagTest)
    ((ObjectNode) spec.at("/root/dag/tasks")).remove("for-loop-2");
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .progress(false).summary(false).build().run(Workflow.parse(spec.toString(), "p.yaml"), Map.of());
    assertEquals("task 'print-op': its input 'pipelinechannel--name' takes pipeline parameter 'name', which has no value: KFP's "
        + "driver fails a task so (only an input of the component's may be left out); give the parameter a value",
        r.task("print-op").map(TaskResult::message).orElse(null));
    assertEquals(TaskResult.State.Failed, r.task("print-op").orElseThrow().state());
  }

  /** An integer output in an f-string: its channel the number, the f-string its text. */
  @Test
  void aChannelHasTheValueOfItsType() {
    Map<String, JsonNode> given = run("fstrings/flip_coin.yaml", Map.of("exec-flip-coin", "heads", "exec-random-num", "7"), Map.of());
    JsonNode msg = given.entrySet().stream().filter(e -> e.getKey().endsWith("print-msg")).findFirst().orElseThrow().getValue();
    assertEquals(Yaml.readJson("{\"msg\": \"heads and 7 > 5!\", \"pipelinechannel--random-num-Output\": 7}"), msg);
  }

  /** {@code set_cpu_limit(cpu_limit)}: the setting's field with its channel's value, and the channel. */
  @Test
  void aSettingFromAParameterAsItsFieldAndItsChannel() {
    JsonNode sum = run("settings/pipeline_with_string_machine_fields_pipeline_input.yaml", Map.of(), Map.of("cpu_limit", "2"))
        .get("sum-numbers");
    for (String[] field : new String[][] {{"cpu_limit", "cpu_limit", "2"}, {"memory_limit", "memory_limit", "15G"},
        {"accelerator_count", "accelerator_limit", "1"}, {"accelerator_type", "accelerator_type", "NVIDIA_TESLA_P4"}}) {
      assertEquals(field[2], sum.path(field[0]).asString(), field[0]);
      assertEquals(field[2], sum.path("pipelinechannel--" + field[1]).asString(), field[1]);
    }
  }

  /** {@code set_cpu_limit(cpu_limit().output)}: the channel of another task's output. */
  @Test
  void aSettingFromATasksOutput() {
    JsonNode sum = run("settings/pipeline_with_string_machine_fields_task_output.yaml", Map.of("exec-cpu-limit", "500m",
        "exec-memory-limit", "1Gi", "exec-accelerator-type", "NVIDIA_TESLA_P4"), Map.of()).get("sum-numbers");
    assertEquals("500m", sum.path("cpu_limit").asString());
    assertEquals("500m", sum.path("pipelinechannel--cpu-limit-Output").asString());
    assertEquals("1Gi", sum.path("memory_limit").asString());
    assertEquals("NVIDIA_TESLA_P4", sum.path("pipelinechannel--accelerator-type-Output").asString());
    assertEquals("1", sum.path("accelerator_count").asString());
  }
}
