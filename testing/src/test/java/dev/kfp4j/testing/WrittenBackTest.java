package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Loop;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.Placeholder;
import java.nio.file.Files;
import dev.kfp4j.yaml.Yaml;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * KFP's own compiled specs (in {@code writtenback/}, see its README) that kfp4j read but wrote back changed: a claim deleted
 * that the spec keeps, or deleted after a failure where KFP's spec deletes it after the tasks it names succeeded, its caching
 * lost; a loop item KFP types STRUCT written STRING, a nested loop's item renamed; an argument with placeholders inside one
 * string written as a {@code Concat}; a loop over a field of an item under other names; Google Cloud's artifact types, a display
 * name, a pipeline root, a pipeline's output descriptions dropped or changed; IfPresent's keys sorted. Each part of the spec written again is, as
 * protobuf reads it, KFP's.
 */
class WrittenBackTest {
  @TempDir Path dir;

  static String spec(String name) {
    return Yaml.resource(WrittenBackTest.class, "writtenback/" + name);
  }

  /** The spec read and written again, valid against KFP's .proto files, and each of its {@code parts} as KFP wrote it. */
  static void assertWrittenAgainAsKfpWroteIt(String file, List<String> parts) {
    assertWrittenAgainAsKfpWroteIt(spec(file), file, parts);
  }

  /** As {@link #assertWrittenAgainAsKfpWroteIt(String, List)}, of the spec {@code yaml} named {@code file}. */
  static void assertWrittenAgainAsKfpWroteIt(String yaml, String file, List<String> parts) {
    Pipeline read = Kfp2Reader.read(yaml, file);
    String again = Kfp2Writer.write(read);
    assertEquals(read.nodes(), Kfp2Reader.read(again, file).nodes(), file + " written again reads as KFP's: runs the same");
    Shared.root(Shared.KFP_PROTOS);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    List<JsonNode> kfp = Yaml.readAll(yaml);
    List<JsonNode> ours = Yaml.readAll(again);
    for (String part : parts) { // as protobuf reads them: a number 9 is 9.0
      assertEquals(Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, kfp.get(0).get(part)).toString()),
          Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, ours.get(0).get(part)).toString()), file + " " + part
          + " written again:\n" + again);
    }
    if (kfp.size() > 1) {
      assertEquals(Kfp2Schemas.parse(Kfp2Schemas.PLATFORM_SPEC, kfp.get(1).toString()),
          Kfp2Schemas.parse(Kfp2Schemas.PLATFORM_SPEC, ours.get(1).toString()), file + " platforms written again:\n" + again);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipeline_with_volume.yaml", "pipeline_with_volume_no_cache.yaml", "pipeline_with_volume_long_name.yaml",
      "parallel_for_mount_pvc.yaml", "pipeline_with_parallelfor_parallelism.yaml", "sequential_v1.yaml", "sequential_v2.yaml",
      "container_with_placeholder_in_fstring.yaml", "parameters_simple.yaml", "pipeline_with_dynamic_task_output_custom_training_job.yaml",
      "pipeline_with_condition_dynamic_task_output_custom_training_job.yaml", "pipeline_with_nested_loops.yaml",
      "pipeline_with_loops_and_conditions.yaml", "pipeline_with_various_io_types.yaml", "pipeline_with_google_artifact_type.yaml",
      "pipeline_with_importer_and_gcpc_types.yaml", "pipeline_with_only_display_name.yaml", "take_nap_pipeline_root_compiled.yaml",
      "container_with_if_placeholder.yaml", "nvidia_gpu_scheduling_check.yaml", "pipeline_with_metadata_fields.yaml",
      "component_with_metadata_fields.yaml"})
  void kfpsSpecsAreWrittenAgainAsKfpWroteThem(String file) {
    assertWrittenAgainAsKfpWroteIt(file, List.of("components", "root", "deploymentSpec", "pipelineInfo", "defaultPipelineRoot"));
  }

  /** An artifact of Google Cloud's type is an artifact (a file), as one of KFP's own types is. */
  @Test
  void googleCloudsArtifactTypesAreArtifacts() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_various_io_types.yaml"), "p.yaml");
    assertTrue(((Task) p.node("downstream").orElseThrow()).component().inputIsArtifact("input_i"), "google.BQMLModel input");
    assertTrue(((Task) p.node("upstream").orElseThrow()).component().outputIsArtifact("output_9"), "google.BQMLModel output");
  }

  @Test
  void aDisplayNameAndPipelineRootAreKfp2sOnly() {
    Pipeline named = Kfp2Reader.read(spec("pipeline_with_only_display_name.yaml"), "p.yaml");
    assertEquals("echo-displayname", named.settings().displayName());
    FormatException e = assertThrows(FormatException.class, () -> dev.kfp4j.format.argo.ArgoWriter.write(named));
    assertTrue(e.getMessage().endsWith("has a display name (KFP 2's pipelineInfo.displayName), which KFP v1's Argo workflow has no "
        + "place for; write it in the KFP 2 format only"), e.getMessage());
    Pipeline rooted = Kfp2Reader.read(spec("take_nap_pipeline_root_compiled.yaml"), "p.yaml");
    assertEquals("s3://change/me", rooted.settings().pipelineRoot());
    e = assertThrows(FormatException.class, () -> dev.kfp4j.format.argo.ArgoWriter.write(rooted));
    assertTrue(e.getMessage().endsWith("has a pipeline root (KFP 2's defaultPipelineRoot), which KFP v1's Argo workflow has no "
        + "place for; write it in the KFP 2 format only"), e.getMessage());
  }

  @Test
  void aClaimTheSpecDoesNotDeleteIsKept() {
    for (String file : List.of("pipeline_with_volume_long_name.yaml", "parallel_for_mount_pvc.yaml")) {
      Pipeline p = Kfp2Reader.read(spec(file), file);
      assertNull(((VolumeStep) p.node("createpvc").orElseThrow()).deletion(), file);
      assertTrue(Yaml.readAll(Kfp2Writer.write(p)).get(0).at("/root/dag/tasks/deletepvc").isMissingNode(), file);
    }
  }

  @Test
  void aDeletePvcAfterATaskRunsWhenThatTaskSucceeded() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_volume.yaml"), "v.yaml");
    VolumeStep.Deletion d = ((VolumeStep) p.node("createpvc").orElseThrow()).deletion();
    assertEquals(new VolumeStep.Deletion("deletepvc", List.of("consumer", "createpvc"), false, List.of()), d);
    JsonNode delete = Yaml.readAll(Kfp2Writer.write(p)).get(0).at("/root/dag/tasks/deletepvc");
    assertTrue(delete.path("triggerPolicy").isMissingNode(), delete.toString());
  }

  /**
   * KFP's {@code pipeline_with_volume.yaml} runs locally, its Python bodies (which open {@code /data/file.txt} themselves) made
   * shell commands given the mount path: {@code createpvc} makes the claim's folder, the tasks mounting it share it, and {@code
   * deletepvc}, after {@code consumer} succeeded, deletes it; when the consumer fails, it does not run and the folder is kept.
   */
  @Test
  void kfpsDeletePvcDeletesTheClaimsFolderLocally() throws Exception {
    tools.jackson.databind.node.ObjectNode spec = (tools.jackson.databind.node.ObjectNode) Yaml.readAll(spec("pipeline_with_volume.yaml")).get(0);
    command(spec, "exec-producer", "printf hello > \"$0/file.txt\" && printf hello > \"$1\"");
    command(spec, "exec-consumer", "cat \"$0/file.txt\" > \"$1\"");
    String platforms = spec("pipeline_with_volume.yaml").split("\n---\n", 2)[1];
    String yaml = Yaml.jsonText(spec) + "\n---\n" + platforms;
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream())).build();
    RunResult r = runner.run(Workflow.parse(yaml, "pipeline_with_volume.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    String claim = "pipeline-with-volume-" + r.runId() + "-my-pvc";
    assertEquals(claim, r.output("createpvc", "name"));
    assertEquals("hello", r.output("consumer", "Output"), "the consumer read what the producer wrote on the claim");
    assertEquals(TaskResult.State.Succeeded, r.task("deletepvc").orElseThrow().state());
    assertFalse(Files.exists(dir.resolve("runs/volumes").resolve(claim)), "deletepvc deleted the claim's folder");

    command(spec, "exec-consumer", "exit 1");
    RunResult failed = runner.run(Workflow.parse(Yaml.jsonText(spec) + "\n---\n" + platforms, "v.yaml"), Map.of());
    assertFalse(failed.succeeded());
    assertEquals(TaskResult.State.Omitted, failed.task("deletepvc").orElseThrow().state(), "after the consumer succeeded only");
    assertTrue(Files.isDirectory(dir.resolve("runs/volumes/pipeline-with-volume-" + failed.runId() + "-my-pvc")), "kept");
  }

  /**
   * KFP's DeletePVC (after the consumer succeeded) is written to the Argo workflow as Argo deletes a claim, a {@code resource}
   * template with {@code action: delete} of the claim the volume step named (KFP v1's {@code VolumeOp.delete()}); it was left out,
   * the claim kept. The workflow follows Argo's schema and submission rules, reads back with the same deletion, and runs here
   * deleting the claim's folder.
   */
  @Test
  void kfpsDeletePvcIsWrittenToArgoAsAResourceDelete() throws Exception {
    tools.jackson.databind.node.ObjectNode spec = (tools.jackson.databind.node.ObjectNode) Yaml.readAll(spec("pipeline_with_volume.yaml")).get(0);
    command(spec, "exec-producer", "printf hello > \"$0/file.txt\" && printf hello > \"$1\"");
    command(spec, "exec-consumer", "cat \"$0/file.txt\" > \"$1\"");
    Pipeline p = Kfp2Reader.read(Yaml.jsonText(spec) + "\n---\n" + spec("pipeline_with_volume.yaml").split("\n---\n", 2)[1], "v.yaml");
    VolumeStep.Deletion deletion = ((VolumeStep) p.node("createpvc").orElseThrow()).deletion();
    String argo = dev.kfp4j.format.argo.ArgoWriter.write(p);
    Shared.root(Shared.ARGO_SCHEMAS);
    assertEquals(List.of(), ArgoSchemas.errors(argo), argo);
    assertEquals(List.of(), dev.kfp4j.format.argo.ArgoRules.errors(Yaml.read(argo)), argo);
    JsonNode wf = Yaml.read(argo);
    JsonNode task = wf.at("/spec/templates/0/dag/tasks").valueStream().filter(t -> t.path("name").asString().equals("deletepvc"))
        .findFirst().orElseThrow(() -> new AssertionError("no deletepvc task: " + argo));
    assertEquals(Yaml.read("{name: deletepvc, template: deletepvc, dependencies: [consumer, createpvc], arguments: {parameters: "
        + "[{name: pvc-name, value: '{{tasks.createpvc.outputs.parameters.name}}'}]}}"), task, argo);
    JsonNode template = wf.at("/spec/templates").valueStream().filter(t -> t.path("name").asString().equals("deletepvc"))
        .findFirst().orElseThrow();
    assertEquals(Yaml.read("{name: deletepvc, inputs: {parameters: [{name: pvc-name}]}, resource: {action: delete, manifest: \"apiVersion: "
        + "v1\\nkind: PersistentVolumeClaim\\nmetadata:\\n  name: '{{inputs.parameters.pvc-name}}'\\n\"}}"), template, argo);
    assertEquals(deletion, ((VolumeStep) dev.kfp4j.format.argo.ArgoReader.read(argo, "v.yaml").node("createpvc").orElseThrow()).deletion(),
        "read back as the volume step's deletion");

    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .build().run(Workflow.parse(argo, "v.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("hello", r.output("consumer", "Output"));
    assertEquals(TaskResult.State.Succeeded, r.task("deletepvc").orElseThrow().state());
    assertFalse(Files.exists(dir.resolve("runs/volumes/pipeline-with-volume-" + r.runId() + "-my-pvc")), "the Argo form deletes it too");
  }

  /** With caching off on KFP's DeletePVC ({@code set_caching_options(False)}), the Argo deletion keeps it off. */
  @Test
  void anArgoDeletionKeepsItsCaching() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_volume_no_cache.yaml"), "v.yaml");
    VolumeStep v = (VolumeStep) p.node("createpvc").orElseThrow();
    Pipeline volumeAlone = new Pipeline(p.name(), null, p.parameters(), List.of(v), null, p.settings(), null);
    String argo = dev.kfp4j.format.argo.ArgoWriter.write(volumeAlone);
    VolumeStep.Deletion back = ((VolumeStep) dev.kfp4j.format.argo.ArgoReader.read(argo, "v.yaml").node("createpvc").orElseThrow())
        .deletion();
    assertEquals(List.of(new RunSetting.Caching(false)), back.settings(), argo);
    assertEquals(v.deletion().settings(), back.settings());
  }

  /** Executor {@code executor} of {@code spec} made {@code sh -c SCRIPT /data OUTPUT_FILE}. */
  private static void command(tools.jackson.databind.node.ObjectNode spec, String executor, String script) {
    tools.jackson.databind.node.ObjectNode c = spec.withObject("/deploymentSpec/executors/" + executor).putObject("container");
    c.put("image", "alpine:3");
    c.putArray("command").add("sh").add("-c").add(script).add("/data").add("{{$.outputs.parameters['Output'].output_file}}");
  }

  /** A DeletePVC kfp4j's model cannot hold is refused, naming it, rather than dropped (which kept the claim) or moved. */
  @Test
  void aDeletePvcOfAnotherClaimOrWithTasksAfterItIsRefused() {
    String other = spec("pipeline_with_volume.yaml").replace("            pvc_name:\n              taskOutputParameter:\n"
        + "                outputParameterKey: name\n                producerTask: createpvc\n",
        "            pvc_name:\n              runtimeValue:\n                constant: kept-claim\n");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(other, "v.yaml"));
    assertTrue(e.getMessage().contains("task 'deletepvc' deletes a claim that no createpvc task of its DAG makes"), e.getMessage());
    String after = spec("pipeline_with_volume.yaml").replace("        dependentTasks:\n        - createpvc\n        - producer\n",
        "        dependentTasks:\n        - createpvc\n        - deletepvc\n        - producer\n")
        .replace("        - consumer\n        - createpvc\n", "        - createpvc\n        - producer\n"); // deletepvc after producer
    e = assertThrows(FormatException.class, () -> Kfp2Reader.read(after, "v.yaml"));
    assertTrue(e.getMessage().contains("task 'consumer' runs after task 'deletepvc', which deletes a claim"), e.getMessage());
  }

  @Test
  void setCachingOptionsFalseOnTheClaimStepsIsKept() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_volume_no_cache.yaml"), "v.yaml");
    VolumeStep v = (VolumeStep) p.node("createpvc").orElseThrow();
    assertEquals(List.of(new RunSetting.Caching(false)), v.settings());
    assertEquals(List.of(new RunSetting.Caching(false)), v.deletion().settings());
  }

  /** KFP types the item of a loop over a {@code List[Dict]} output STRUCT (of a bare {@code List} STRING): kept, not made STRING. */
  @Test
  void aLoopItemKeepsTheTypeTheSpecDeclares() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_parallelfor_parallelism.yaml"), "p.yaml");
    assertEquals(ParameterType.STRUCT, ((Loop.Over) ((Loop) p.node("for-loop-9").orElseThrow()).items()).itemType());
    assertNull(((Loop.Over) ((Loop) p.node("for-loop-12").orElseThrow()).items()).itemType(), "STRING, as the body makes it");
    JsonNode spec = Yaml.readAll(Kfp2Writer.write(p)).get(0);
    assertEquals("STRUCT", spec.at("/components/comp-for-loop-9/inputDefinitions/parameters/"
        + "pipelinechannel--list-dict-maker-0-Output-loop-item/parameterType").asString());
  }

  /** A loop over the list an outer loop runs over, reading nothing of the outer item: its item has KFP's name, not a numbered one. */
  @Test
  void anInnerLoopsItemIsNumberedOnlyWhereItWouldHideOneItReads() {
    JsonNode spec = Yaml.readAll(Kfp2Writer.write(Kfp2Reader.read(spec("pipeline_with_parallelfor_parallelism.yaml"), "p.yaml"))).get(0);
    assertEquals("pipelinechannel--loop_parameter-loop-item",
        spec.at("/components/comp-for-loop-1/dag/tasks/for-loop-2/parameterIterator/itemInput").asString());
  }

  /** The root's inputs are left out: KFP writes an input with a default without isOptional there (not this change's). */
  @Test
  void argumentsParametersExecutorIsWrittenAgainAsKfpWroteIt() {
    assertWrittenAgainAsKfpWroteIt("arguments_parameters.yaml", List.of("components", "deploymentSpec"));
  }

  /**
   * An argument with placeholders inside one string (KFP's compiler for a container component's f-string) is read as a concat
   * marked inline, and written back as one string, not as {@code {"Concat": [...]}}, which KFP writes for a v1 component's concat.
   */
  @Test
  void aStringWithPlaceholdersInsideStaysOneString() {
    Pipeline p = Kfp2Reader.read(spec("arguments_parameters.yaml"), "a.yaml");
    assertEquals(List.of(new Placeholder.Concat(List.of(new Placeholder.InputValue("param1"), Placeholder.literal("-"),
        new Placeholder.InputValue("param2")), true)), ((Task) p.node("echo").orElseThrow()).component().container().args());
    assertEquals("{{$.inputs.parameters['param1']}}-{{$.inputs.parameters['param2']}}",
        Yaml.readAll(Kfp2Writer.write(p)).get(0).at("/deploymentSpec/executors/exec-echo/container/args/0").asString());
  }

  /** Written back, the argument still runs as KFP runs it: the placeholders filled in, one argument. */
  @Test
  void locallyTheStringIsFilledInAsOneArgument() throws Exception {
    String again = Kfp2Writer.write(Kfp2Reader.read(spec("arguments_parameters.yaml"), "a.yaml"));
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false).console(new PrintStream(OutputStream.nullOutputStream()))
        .build().run(Workflow.parse(again, "a.yaml"), Map.of("param2", "world"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    TaskResult echo = r.tasks().stream().filter(t -> t.name().equals("echo")).findFirst().orElseThrow();
    assertEquals(List.of("echo", "hello-world"), echo.command());
    assertEquals("hello-world", Files.readString(echo.log()).strip());
  }

  /** {@code dsl.ParallelFor(item.p_a)}: the loop's task selects the field into an input of its own, which the loop runs over. */
  @Test
  void aLoopOverAFieldOfAnItemRunsOverTheFieldSelected() {
    Pipeline p = Kfp2Reader.read(spec("pipeline_with_nested_loops.yaml"), "n.yaml");
    assertEquals(new Loop.Over(new Argument.LoopItem("for-loop-1", "p_a")), ((Loop) p.node("for-loop-2").orElseThrow()).items());
    JsonNode task = Yaml.readAll(Kfp2Writer.write(p)).get(0).at("/components/comp-for-loop-1/dag/tasks/for-loop-2");
    assertEquals("pipelinechannel--loop_parameter-loop-item-subvar-p_a", task.at("/parameterIterator/items/inputParameter").asString());
    assertEquals("parseJson(string_value)[\"p_a\"]",
        task.at("/inputs/parameters/pipelinechannel--loop_parameter-loop-item-subvar-p_a/parameterExpressionSelector").asString());
    assertEquals("pipelinechannel--loop_parameter-loop-item-subvar-p_a-loop-item", task.at("/parameterIterator/itemInput").asString());
  }
}
