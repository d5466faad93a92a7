package dev.kfp4j.format.kfp2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.TaskConfigs;
import dev.kfp4j.spec.TypeSpec;
import org.junit.jupiter.api.Test;

/**
 * A KFP 2 component taking KFP's {@code dsl.TaskConfig} with {@code task_config_passthroughs}, as KFP's compiler writes
 * a Python one: read, it takes a {@code TaskConfig} input and keeps its passthroughs; written again for KFP 2 it has
 * both; written for Argo it is refused, KFP v1 having no task configuration.
 */
class TaskConfigFormatTest {
  static final String KFP = String.join("\n",
      "components:",
      "  comp-launch-job:",
      "    executorLabel: exec-launch-job",
      "    inputDefinitions:",
      "      parameters:",
      "        nodes:",
      "          parameterType: NUMBER_INTEGER",
      "        task_config:",
      "          isOptional: true",
      "          parameterType: TASK_CONFIG",
      "    taskConfigPassthroughs:",
      "    - field: RESOURCES",
      "    - applyToTask: true",
      "      field: KUBERNETES_VOLUMES",
      "deploymentSpec:",
      "  executors:",
      "    exec-launch-job:",
      "      container:",
      "        args: ['--executor_input', '{{$}}', --function_to_execute, launch_job]",
      "        command: [python3, -m, kfp.dsl.executor_main]",
      "        image: python:3.11",
      "pipelineInfo:",
      "  name: launch-job",
      "root:",
      "  dag:",
      "    tasks:",
      "      launch-job:",
      "        componentRef: {name: comp-launch-job}",
      "        inputs: {parameters: {nodes: {runtimeValue: {constant: 2}}}}",
      "        taskInfo: {name: launch-job}",
      "schemaVersion: 2.1.0",
      "sdkVersion: kfp-2.15.0",
      "");

  @Test
  void theComponentReadsBackWithItsTaskConfigAndPassthroughs() {
    ComponentSpec c = Kfp2Reader.readComponent(KFP, "launch_job.yaml");
    assertEquals(TypeSpec.TASK_CONFIG, c.input("task_config").orElseThrow().type());
    assertTrue(c.input("task_config").orElseThrow().optional());
    assertEquals("RESOURCES,KUBERNETES_VOLUMES:applyToTask", c.annotations().get(TaskConfigs.ANNOTATION));
    String written = Kfp2Writer.write(Kfp2Reader.read(KFP, "launch_job.yaml"));
    assertTrue(written.contains("        task_config:\n          isOptional: true\n          parameterType: TASK_CONFIG\n"), written);
    assertTrue(written.contains("    taskConfigPassthroughs:\n    - field: RESOURCES\n    - applyToTask: true\n      field: KUBERNETES_VOLUMES\n"),
        written);
  }

  @Test
  void argoRefusesIt() {
    Pipeline p = Kfp2Reader.read(KFP, "launch_job.yaml");
    FormatException e = assertThrows(FormatException.class, () -> ArgoWriter.write(p));
    assertEquals("pipeline 'launch-job', task 'launch-job': component 'launch-job' takes its task's configuration or passes its "
        + "settings through (KFP 2's dsl.TaskConfig, task_config_passthroughs), which only KFP 2's driver gives: write this "
        + "pipeline in the KFP 2 format only", e.getMessage());
  }

  @Test
  void aFieldNotKfpsOrListedTwiceIsRefused() {
    FormatException unknown = assertThrows(FormatException.class,
        () -> Kfp2Reader.readComponent(KFP.replace("field: RESOURCES", "field: GPUS"), "x.yaml"));
    assertTrue(unknown.getMessage().contains("taskConfigPassthroughs has field 'GPUS', none of [RESOURCES, ENV,"), unknown.getMessage());
    FormatException twice = assertThrows(FormatException.class,
        () -> Kfp2Reader.readComponent(KFP.replace("field: KUBERNETES_VOLUMES", "field: RESOURCES"), "x.yaml"));
    assertTrue(twice.getMessage().contains("taskConfigPassthroughs has field 'RESOURCES' twice"), twice.getMessage());
  }
}
