package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ExitPipeline;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * KFP 2.13's {@code pipeline_as_exit_task.py}: the exit handler's exit task is a pipeline, whose
 * {@code get_run_state} reads the {@code PipelineTaskFinalStatus} as a dict and whose condition on
 * it runs {@code print_op}. Read as the model's {@link ExitPipeline}, written again valid as KFP's
 * {@code .proto} messages, then again byte for byte, the exit pipeline's DAG and the root's task
 * running it as KFP's compiler wrote them.
 */
class ExitPipelineFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  @Test
  void pipelineAsExitTask() {
    String yaml = Yaml.resource(ExitPipelineFormatTest.class, "exitpipeline/pipeline_as_exit_task.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_as_exit_task.yaml");
    assertNull(p.exitTask());
    ExitPipeline exit = p.exitPipeline();
    assertEquals("conditional-notification", exit.name());
    assertEquals(new Argument.RunValue(Argument.RunValue.Kind.STATUS), ((Task) exit.nodes().get(0)).arguments().get("status"));
    Condition failed = (Condition) exit.nodes().get(1);
    // the exit pipeline's print_op, named as the body's print_op, is named after its caller, as in any pipeline called in another
    assertEquals("conditional-notification-print-op", failed.body().get(0).name());
    assertEquals(List.of("fail-op", "print-op"), p.nodes().stream().map(n -> n.name()).sorted().toList());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
    JsonNode sdk = Yaml.read(yaml);
    JsonNode ours = Yaml.read(again);
    for (String at : List.of("/components/comp-conditional-notification", "/root/dag/tasks/conditional-notification",
        "/components/comp-get-run-state", "/components/comp-exit-handler-1")) {
      assertEquals(sdk.at(at), ours.at(at), at + " in\n" + again);
    }
    assertTrue(ours.at("/components/comp-condition-1/dag/tasks").has("conditional-notification-print-op"), again);
  }

  /**
   * KFP SDK 2.15.2's spec of {@code status_in_groups.py} (beside it): the exit pipeline's tasks read the status at its top
   * level, under a condition and in a loop, each group taking it as {@code pipelinechannel--status} (a {@code STRUCT}) from the
   * pipeline's {@code TASK_FINAL_STATUS} input. Read with every such task given the status, and written back as KFP wrote it.
   */
  @Test
  void theStatusReachesTheExitPipelinesGroups() {
    String yaml = Yaml.resource(ExitPipelineFormatTest.class, "exitpipeline/status_in_groups.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "status_in_groups.yaml");
    List<String> given = new java.util.ArrayList<>();
    dev.kfp4j.model.Nodes.walk(p.exitPipeline().nodes(), n -> {
      if (n instanceof Task t && new Argument.RunValue(Argument.RunValue.Kind.STATUS).equals(t.arguments().get("status"))) {
        given.add(t.name());
      }
    });
    assertEquals(List.of("report", "report-2", "report-3"), given.stream().sorted().toList());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
    JsonNode sdk = Yaml.read(yaml);
    JsonNode ours = Yaml.read(again);
    // kfp4j puts the exit pipeline's other parameters in (page: pipelinechannel--page, as a group's channel): the rest as KFP's
    for (String at : List.of("/components/comp-condition-1", "/components/comp-for-loop-3", "/components/comp-exit-handler-1",
        "/components/comp-notify/dag/tasks/report", "/components/comp-notify/dag/tasks/for-loop-3",
        "/components/comp-notify/dag/tasks/condition-1/inputs/parameters/pipelinechannel--status",
        "/components/comp-notify/inputDefinitions/parameters/status", "/root/dag/tasks/notify/inputs/parameters/status",
        "/root/dag/tasks/notify/triggerPolicy", "/root/dag/tasks/notify/dependentTasks")) {
      assertEquals(sdk.at(at), ours.at(at), at + " in\n" + again);
    }
  }

  /**
   * KFP's spec as KFP's compiler writes {@code exit_op(final_status: PipelineTaskFinalStatus)}: the DAG's input, the task's
   * {@code taskFinalStatus} and what reads it named as the parameter. Read and written back under that name, not {@code status}.
   */
  @Test
  void theStatusKeepsTheNameOfThePipelinesParameter() {
    String yaml = finalStatusNamed("final_status");
    Pipeline p = Kfp2Reader.read(yaml, "final_status.yaml");
    assertEquals("final_status", p.exitPipeline().status());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    JsonNode sdk = Yaml.read(yaml);
    JsonNode ours = Yaml.read(again);
    for (String at : List.of("/components/comp-conditional-notification", "/root/dag/tasks/conditional-notification")) {
      assertEquals(sdk.at(at), ours.at(at), at + " in\n" + again);
    }
  }

  /** KFP's spec with the status renamed {@code name} where KFP's compiler writes the pipeline's parameter's name. */
  private static String finalStatusNamed(String name) {
    String yaml = Yaml.resource(ExitPipelineFormatTest.class, "exitpipeline/pipeline_as_exit_task.yaml");
    for (String[] r : new String[][] {
        {"        status:\n          isOptional: true\n", "        " + name + ":\n          isOptional: true\n"},
        {"                componentInputParameter: status\n", "                componentInputParameter: " + name + "\n"},
        {"            status:\n              taskFinalStatus:\n", "            " + name + ":\n              taskFinalStatus:\n"}}) {
      assertTrue(yaml.contains(r[0]), r[0]);
      yaml = yaml.replace(r[0], r[1]);
    }
    return yaml;
  }

  /** A pipeline taking the status twice (KFP compiles two PipelineTaskFinalStatus parameters) is refused, naming both. */
  @Test
  void twoStatusParametersAreRefused() {
    String yaml = finalStatusNamed("final_status").replace(
        "            final_status:\n              taskFinalStatus:\n                producerTask: exit-handler-1\n",
        "            again:\n              taskFinalStatus:\n                producerTask: exit-handler-1\n"
            + "            final_status:\n              taskFinalStatus:\n                producerTask: exit-handler-1\n")
        .replace("        final_status:\n          isOptional: true\n          parameterType: TASK_FINAL_STATUS\n",
            "        again:\n          isOptional: true\n          parameterType: TASK_FINAL_STATUS\n"
                + "        final_status:\n          isOptional: true\n          parameterType: TASK_FINAL_STATUS\n");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(yaml, "twice.yaml"));
    assertEquals("twice.yaml: root, task 'conditional-notification', the exit task, gives the pipeline's status to 2 inputs "
        + "[again, final_status] of the pipeline it runs; kfp4j's model holds one parameter taking the status", e.getMessage());
  }

  @Test
  void anExitPipelineUnderAConditionIsRefused() {
    String yaml = Yaml.resource(ExitPipelineFormatTest.class, "exitpipeline/pipeline_as_exit_task.yaml").replace(
        "          strategy: ALL_UPSTREAM_TASKS_COMPLETED\n",
        "          strategy: ALL_UPSTREAM_TASKS_COMPLETED\n          condition: inputs.parameter_values['message'] == 'x'\n");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(yaml, "conditional-exit.yaml"));
    assertEquals("conditional-exit.yaml: root, task 'conditional-notification' is the exit task and a condition, which kfp4j's model "
        + "does not hold; the exit task runs whatever happened: put the condition or loop inside it", e.getMessage());
  }
}
