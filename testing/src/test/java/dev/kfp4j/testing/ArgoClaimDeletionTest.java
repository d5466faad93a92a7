package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A claim's deletion that runs whatever happened to the tasks it waits for (kfp4j's own after a {@code Dsl.volume}'s mounts, a KFP 2
 * spec's {@code DeletePVC} with {@code ALL_UPSTREAM_TASKS_COMPLETED}) is written to the Argo workflow, which kept the claim: it waits
 * through Argo's enhanced {@code depends} for each task's every result, its DAG's other tasks through {@code depends} too (Argo refuses
 * a DAG mixing it with {@code dependencies}), and the DAG names its {@code target} so that a failed task still fails the run. The
 * workflow follows Argo's schemas (3.3 and 4.0) and submission rules and reads back as the same deletion.
 */
class ArgoClaimDeletionTest {
  private static final ComponentSpec ECHO = dev.kfp4j.spec.ComponentYaml.parse("""
      name: echo
      inputs:
      - {name: msg, type: String}
      implementation:
        container:
          image: alpine:3
          command: [echo, {inputValue: msg}]
      """, "echo.yaml");

  private static Task echo(String name, List<String> after, String volume) {
    return new Task(name, ECHO, Map.of("msg", Argument.Constant.of(name)), after,
        volume == null ? List.of() : List.of(new TaskSetting.VolumeMount(volume, "/mnt")));
  }

  /** A volume mounted by {@code a}, then {@code b}; {@code c} mounts nothing; kfp4j's own deletion. */
  private static Pipeline pipeline() {
    return new Pipeline("shared-volume", null, List.of(), List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(),
            VolumeStep.Deletion.afterMounts("data")),
        echo("a", List.of(), "data"), echo("b", List.of("a"), "data"), echo("c", List.of(), null)),
        null, PipelineSettings.DEFAULTS, null);
  }

  private static void assertValid(String argo) {
    Shared.root(Shared.ARGO_SCHEMAS);
    assertEquals(List.of(), ArgoSchemas.errors(argo), argo);
    assertEquals(List.of(), ArgoRules.errors(Yaml.read(argo)), argo);
  }

  private static JsonNode task(JsonNode dag, String name) {
    return dag.at("/dag/tasks").valueStream().filter(t -> t.path("name").asString().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no task " + name + " in " + dag));
  }

  @Test
  void aVolumesOwnDeletionWaitsForItsMountsWhateverHappenedAndTheDagNamesItsTarget() {
    Pipeline p = pipeline();
    String argo = ArgoWriter.write(p);
    assertValid(argo);
    JsonNode root = Yaml.read(argo).at("/spec/templates/0");
    assertEquals("b c data-delete", root.at("/dag/target").asString(), "the tasks nothing but the deletion waits for, and it");
    assertEquals("data && (a.Succeeded || a.Failed || a.Errored || a.Skipped || a.Omitted) && (b.Succeeded || b.Failed || b.Errored "
        + "|| b.Skipped || b.Omitted)", task(root, "data-delete").path("depends").asString(), "each mount whatever happened to it");
    assertEquals("a && data", task(root, "b").path("depends").asString(), "no DAG mixes depends with dependencies");
    assertTrue(task(root, "b").path("dependencies").isMissingNode());
    assertTrue(task(root, "c").path("depends").isMissingNode());
    assertEquals("{{tasks.data.outputs.parameters.name}}", task(root, "data-delete").at("/arguments/parameters/0/value").asString());
    Pipeline back = ArgoReader.read(argo, "v.yaml");
    assertEquals(VolumeStep.Deletion.afterMounts("data"), ((VolumeStep) back.node("data").orElseThrow()).deletion());
    assertEquals(argo, ArgoWriter.write(back), "written the same again"); // the mounts read as waiting for the volume step, as written
  }

  /** A mount inside a condition: the deletion waits for the condition's task, which is Skipped when its condition is false. */
  @Test
  void aMountInAConditionIsWaitedForAsTheConditionsTask() {
    Condition cond = new Condition("condition-1", new Predicate.Comparison(Argument.Constant.of("x"), Predicate.Operator.EQ,
        Argument.Constant.of("x")), List.of(echo("a", List.of(), "data")));
    Pipeline p = new Pipeline("in-condition", null, List.of(), List.of(
        new VolumeStep("data", "data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(), List.of(),
            VolumeStep.Deletion.afterMounts("data")), cond), null, PipelineSettings.DEFAULTS, null);
    String argo = ArgoWriter.write(p);
    assertValid(argo);
    JsonNode root = Yaml.read(argo).at("/spec/templates/0");
    assertEquals("data && (condition-1.Succeeded || condition-1.Failed || condition-1.Errored || condition-1.Skipped "
        + "|| condition-1.Omitted)", task(root, "data-delete").path("depends").asString());
    assertEquals("condition-1 data-delete", root.at("/dag/target").asString());
    Pipeline back = ArgoReader.read(argo, "v.yaml");
    assertEquals(VolumeStep.Deletion.afterMounts("data"), ((VolumeStep) back.node("data").orElseThrow()).deletion());
    assertEquals(argo, ArgoWriter.write(back), "written the same again");
  }

  /** KFP's DeletePVC with {@code ALL_UPSTREAM_TASKS_COMPLETED}, after the consumer whatever happened to it. */
  @Test
  void aDeletePvcAfterAllUpstreamTasksCompletedIsWrittenAndReadBack() {
    String spec = WrittenBackTest.spec("pipeline_with_volume.yaml").replace("        taskInfo:\n          name: deletepvc\n",
        "        taskInfo:\n          name: deletepvc\n        triggerPolicy:\n          strategy: ALL_UPSTREAM_TASKS_COMPLETED\n");
    ObjectNode doc = (ObjectNode) Yaml.readAll(spec).get(0);
    for (String executor : List.of("exec-producer", "exec-consumer")) { // KFP's Python, which an Argo workflow does not run: a command
      doc.withObject("/deploymentSpec/executors/" + executor).putObject("container").put("image", "alpine:3").putArray("command")
          .add("sh").add("-c").add("true").add("{{$.outputs.parameters['Output'].output_file}}");
    }
    Pipeline p = Kfp2Reader.read(Yaml.jsonText(doc) + "\n---\n" + spec.split("\n---\n", 2)[1], "v.yaml");
    VolumeStep.Deletion deletion = ((VolumeStep) p.node("createpvc").orElseThrow()).deletion();
    assertEquals(new VolumeStep.Deletion("deletepvc", List.of("consumer", "createpvc"), true, List.of()), deletion);
    String argo = ArgoWriter.write(p);
    assertValid(argo);
    JsonNode root = Yaml.read(argo).at("/spec/templates/0");
    assertEquals("(consumer.Succeeded || consumer.Failed || consumer.Errored || consumer.Skipped || consumer.Omitted) && createpvc",
        task(root, "deletepvc").path("depends").asString());
    assertEquals("consumer deletepvc", root.at("/dag/target").asString());
    assertEquals(deletion, ((VolumeStep) ArgoReader.read(argo, "v.yaml").node("createpvc").orElseThrow()).deletion());
  }

  /** A volume template without a deletion (KFP v1's VolumeOp) is a claim the workflow keeps. */
  @Test
  void aVolumeWithoutADeletionIsKept() {
    String argo = ArgoWriter.write(pipeline());
    JsonNode wf = Yaml.read(argo);
    tools.jackson.databind.node.ArrayNode tasks = (tools.jackson.databind.node.ArrayNode) wf.at("/spec/templates/0/dag/tasks");
    tasks.remove(1); // data-delete
    ((tools.jackson.databind.node.ObjectNode) wf.at("/spec/templates/0/dag")).remove("target");
    assertNull(((VolumeStep) ArgoReader.read(Yaml.write(wf, null), "v.yaml").node("data").orElseThrow()).deletion());
  }

  /** {@code pipeline()}'s workflow with {@code path} of its root DAG (a task's key: {@code tasks/1/depends}) set to {@code value}. */
  private static String edited(String path, String value) {
    JsonNode wf = Yaml.read(ArgoWriter.write(pipeline()));
    tools.jackson.databind.node.ObjectNode dag = (tools.jackson.databind.node.ObjectNode) wf.at("/spec/templates/0/dag");
    int slash = path.lastIndexOf('/');
    JsonNode parent = slash < 0 ? dag : dag.at("/" + path.substring(0, slash));
    ((tools.jackson.databind.node.ObjectNode) parent).put(path.substring(slash + 1), value);
    return Yaml.write(wf, null);
  }

  @Test
  void aTaskOtherThanADeletionRunAfterAFailureOrATargetLeavingATaskUnrunIsRefused() {
    assertEquals("b", Yaml.read(ArgoWriter.write(pipeline())).at("/spec/templates/0/dag/tasks/3/name").asString());
    String failed = edited("tasks/3/depends", "data && (a.Succeeded || a.Failed || a.Errored || a.Skipped || a.Omitted)");
    FormatException e = assertThrows(FormatException.class, () -> ArgoReader.read(failed, "v.yaml"));
    assertTrue(e.getMessage().contains("task 'b' of template 'shared-volume' runs no resource template whatever happened to the "
        + "tasks it waits for"), e.getMessage());
    String partly = edited("tasks/3/depends", "data && (a.Succeeded || a.Failed)");
    e = assertThrows(FormatException.class, () -> ArgoReader.read(partly, "v.yaml"));
    assertTrue(e.getMessage().contains("depends 'data && (a.Succeeded || a.Failed)': it runs it when 'a' Failed, where kfp4j's "
        + "model runs a task after each task it waits for either when that succeeded or was skipped"), e.getMessage());
    String unrun = edited("target", "b data-delete");
    e = assertThrows(FormatException.class, () -> ArgoReader.read(unrun, "v.yaml"));
    assertTrue(e.getMessage().contains("the DAG's target 'b data-delete' leaves task 'c' unrun"), e.getMessage());
  }
}
