package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.TestComponents;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Predicate;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A run's volume in KFP 2: made by a CreatePVC step at the root, mounted in every task (inside
 * groups through the groups' inputs), deleted by a DeletePVC step once every task that mounts it
 * succeeded. (Kfp2Schemas checks such files in the cli's OverlayTest.)
 */
class RunVolumesTest {
  static final ComponentSpec ECHO = TestComponents.ECHO;

  static Pipeline pipeline(RunVolume volume, boolean exit) {
    Task first = new Task("first", ECHO, Map.of("msg", Argument.Constant.of("hi")));
    Predicate big = new Predicate.Comparison(new Argument.PipelineParameter("n"), Predicate.Operator.GT,
        new Argument.Constant("5", ParameterType.INTEGER));
    Condition when = new Condition("condition-1", big, List.of(new Task("inner", ECHO, Map.of("msg", Argument.Constant.of("big")))));
    return new Pipeline("p", null, List.of(new Parameter("n", ParameterType.INTEGER, "3", null)), List.of(first, when),
        exit ? new Task("bye", ECHO, Map.of("msg", Argument.Constant.of("bye"))) : null,
        PipelineSettings.DEFAULTS.withRunVolume(volume), null);
  }

  @Test
  void aCreatePvcStepMakesItEveryTaskMountsItAndADeletePvcStepEndsIt() {
    List<JsonNode> docs = Kfp2Writer.documents(pipeline(new RunVolume("2Gi", "ReadWriteMany", "fast", "/data"), false));
    JsonNode root = docs.get(0).at("/root/dag/tasks");
    assertEquals(List.of("condition-1", "first", RunVolume.NAME, RunVolume.NAME + "-delete"), names(root));
    JsonNode create = root.path(RunVolume.NAME);
    assertEquals("comp-createpvc", create.at("/componentRef/name").asString());
    assertEquals("2Gi", create.at("/inputs/parameters/size/runtimeValue/constant").asString());
    assertEquals("[\"ReadWriteMany\"]", create.at("/inputs/parameters/access_modes/runtimeValue/constant").toString());
    assertEquals("fast", create.at("/inputs/parameters/storage_class_name/runtimeValue/constant").asString());
    assertEquals("-" + RunVolume.NAME, create.at("/inputs/parameters/pvc_name_suffix/runtimeValue/constant").asString());

    JsonNode delete = root.path(RunVolume.NAME + "-delete");
    assertEquals("comp-deletepvc", delete.at("/componentRef/name").asString());
    assertEquals("[\"" + RunVolume.NAME + "\",\"first\",\"condition-1\"]", delete.path("dependentTasks").toString(),
        "after every task that mounts it");
    // once they succeeded: KFP's backend would run a task of ALL_UPSTREAM_TASKS_COMPLETED as an exit hook of each, deleting the
    // claim when the first ends (VolumeDeletionHooksTest)
    assertTrue(delete.path("triggerPolicy").isMissingNode(), delete.toString());

    assertEquals("[\"" + RunVolume.NAME + "\"]", root.at("/first/dependentTasks").toString());
    assertEquals("[\"" + RunVolume.NAME + "\"]", root.at("/condition-1/dependentTasks").toString());
    JsonNode executors = docs.get(1).at("/platforms/kubernetes/deploymentSpec/executors");
    assertEquals(2, executors.size(), "first's and inner's");
    for (JsonNode e : executors) {
      JsonNode mount = e.path("pvcMount").get(0);
      assertEquals("/data", mount.path("mountPath").asString(), e.toString());
    }
    assertEquals(RunVolume.NAME, executors.at("/exec-echo/pvcMount/0/taskOutputParameter/producerTask").asString());
    assertEquals("pipelinechannel--" + RunVolume.NAME + "-name",
        executors.at("/exec-echo-2/pvcMount/0/componentInputParameter").asString(), "inside the condition, through its input");
  }

  /**
   * The exit task mounts it too, and it is kept: KFP's backend runs the exit task as an Argo exit hook of the exit handler's
   * group, not as a task of the root's DAG ({@code DAG} in {@code backend/src/v2/compiler/argocompiler/dag.go}), so a deletepvc
   * waiting for it would name a task the DAG does not hold, which Argo refuses (and one run whatever happened would replace
   * the exit task's hook on the group: the exit task would never run).
   */
  @Test
  void theExitTaskMountsItTooAndItIsKept() {
    List<JsonNode> docs = Kfp2Writer.documents(pipeline(new RunVolume("1Gi", "ReadWriteOnce", null, "/data"), true));
    JsonNode root = docs.get(0).at("/root/dag/tasks");
    assertEquals(List.of("bye", "exit-handler-1", RunVolume.NAME), names(root));
    assertEquals("[\"" + RunVolume.NAME + "\"]", root.at("/exit-handler-1/dependentTasks").toString());
    assertTrue(root.at("/bye/dependentTasks").toString().contains("exit-handler-1"), root.toString());
    assertEquals("", root.at("/" + RunVolume.NAME + "/inputs/parameters/storage_class_name/runtimeValue/constant").asString());
  }

  @Test
  void aTaskOfTheVolumesNameIsAnError() {
    Pipeline p = new Pipeline("p", null, List.of(), List.of(new Task(RunVolume.NAME, ECHO, Map.of("msg", Argument.Constant.of("x")))),
        null, PipelineSettings.DEFAULTS.withRunVolume(new RunVolume("1Gi", "ReadWriteOnce", null, "/data")), null);
    assertEquals("pipeline 'p': a task is named 'kfp4j-data', the name of the run's volume step; rename the task",
        assertThrows(FormatException.class, () -> Kfp2Writer.write(p)).getMessage());
  }

  @Test
  void runtimeValuesAreKfp2sJsonValues() {
    assertEquals("7", Kfp2Writer.runtimeValue("a", "7", ParameterType.INTEGER).toString());
    assertEquals("0.5", Kfp2Writer.runtimeValue("a", "0.5", ParameterType.FLOAT).toString());
    assertEquals("true", Kfp2Writer.runtimeValue("a", "True", ParameterType.BOOLEAN).toString());
    assertEquals("[1,\"b\"]", Kfp2Writer.runtimeValue("a", "[1, \"b\"]", ParameterType.LIST).toString());
    assertEquals("{\"k\":[1]}", Kfp2Writer.runtimeValue("a", "{\"k\": [1]}", ParameterType.STRUCT).toString());
    assertEquals("\"7\"", Kfp2Writer.runtimeValue("a", "7", ParameterType.STRING).toString());
    assertEquals("\"7\"", Kfp2Writer.runtimeValue("a", "7", null).toString(), "an untyped parameter takes text");
    assertTrue(assertThrows(FormatException.class, () -> Kfp2Writer.runtimeValue("rate", "nan", ParameterType.FLOAT))
        .getMessage().startsWith("argument 'rate': 'nan' is not a NUMBER_DOUBLE"));
    // a Value's numbers are doubles: what one holds exactly goes, 2^53 + 1 (which would become 2^53) is refused, in a list too
    assertEquals("9007199254740992", Kfp2Writer.runtimeValue("a", "9007199254740992", ParameterType.INTEGER).toString());
    assertEquals("1152921504606846976", Kfp2Writer.runtimeValue("a", "1152921504606846976", ParameterType.INTEGER).toString());
    assertEquals("argument 'id': '9007199254740993' is not a NUMBER_INTEGER: KFP 2 keeps numbers as doubles, and 9007199254740993 "
        + "would reach the task as 9007199254740992; pass it as a String and parse it in the component",
        assertThrows(FormatException.class, () -> Kfp2Writer.runtimeValue("id", "9007199254740993", ParameterType.INTEGER)).getMessage());
    assertTrue(assertThrows(FormatException.class, () -> Kfp2Writer.runtimeValue("ids", "[1, -9007199254740993]", ParameterType.LIST))
        .getMessage().contains("-9007199254740993 would reach the task as -9007199254740992"));
    assertTrue(assertThrows(FormatException.class, () -> Kfp2Writer.runtimeValue("m", "{\"k\": 123456789012345678901234}", ParameterType.STRUCT))
        .getMessage().contains("123456789012345678901234 is beyond what one holds exactly"));
    assertEquals("[1.5,\"9007199254740993\"]", Kfp2Writer.runtimeValue("a", "[1.5, \"9007199254740993\"]", ParameterType.LIST).toString());
  }

  private static List<String> names(JsonNode tasks) {
    List<String> out = new ArrayList<>();
    tasks.propertyNames().forEach(out::add);
    return out;
  }
}
