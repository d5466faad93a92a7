package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KFP's compiler names a task uniquely in its own pipeline only: a pipeline used as a component of
 * another names its tasks on its own, as KFP's {@code pipeline_in_pipeline.yaml} does (its outer
 * and its nested pipeline each have a {@code print-op1}). Read into kfp4j's model, whose node names
 * are unique in the whole pipeline, the outer pipeline's tasks keep their names and a nested one's
 * task whose name is taken is named after the task that runs the nested pipeline: {@code
 * <caller>-<task>}. A run shows those names.
 */
class NestedPipelineNamesTest {
  @TempDir Path dir;

  /** {@code echo} at the root and in {@code comp-inner}, which the root runs twice; {@code join} reads both inner echoes. */
  static final String SPEC = """
      components:
        comp-echo:
          executorLabel: exec-echo
          inputDefinitions:
            parameters:
              msg:
                parameterType: STRING
          outputDefinitions:
            parameters:
              text:
                parameterType: STRING
        comp-inner:
          dag:
            outputs:
              parameters:
                text:
                  valueFromParameter:
                    outputParameterKey: text
                    producerSubtask: echo
            tasks:
              echo:
                componentRef:
                  name: comp-echo
                inputs:
                  parameters:
                    msg:
                      componentInputParameter: msg
                taskInfo:
                  name: echo
          inputDefinitions:
            parameters:
              msg:
                parameterType: STRING
          outputDefinitions:
            parameters:
              text:
                parameterType: STRING
        comp-join:
          executorLabel: exec-join
          inputDefinitions:
            parameters:
              a:
                parameterType: STRING
              b:
                parameterType: STRING
              c:
                parameterType: STRING
          outputDefinitions:
            parameters:
              text:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-echo:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$1")" && printf '%s' "$0" > "$1"
              - '{{$.inputs.parameters[''msg'']}}'
              - '{{$.outputs.parameters[''text''].output_file}}'
              image: alpine:3
          exec-join:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$3")" && printf '%s+%s+%s' "$0" "$1" "$2" > "$3"
              - '{{$.inputs.parameters[''a'']}}'
              - '{{$.inputs.parameters[''b'']}}'
              - '{{$.inputs.parameters[''c'']}}'
              - '{{$.outputs.parameters[''text''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: nested-names
      root:
        dag:
          tasks:
            echo:
              componentRef:
                name: comp-echo
              inputs:
                parameters:
                  msg:
                    runtimeValue:
                      constant: outer
              taskInfo:
                name: echo
            inner:
              componentRef:
                name: comp-inner
              inputs:
                parameters:
                  msg:
                    runtimeValue:
                      constant: one
              taskInfo:
                name: inner
            inner-2:
              componentRef:
                name: comp-inner
              inputs:
                parameters:
                  msg:
                    runtimeValue:
                      constant: two
              taskInfo:
                name: inner-2
            join:
              componentRef:
                name: comp-join
              dependentTasks:
              - echo
              - inner
              - inner-2
              inputs:
                parameters:
                  a:
                    taskOutputParameter:
                      outputParameterKey: text
                      producerTask: echo
                  b:
                    taskOutputParameter:
                      outputParameterKey: text
                      producerTask: inner
                  c:
                    taskOutputParameter:
                      outputParameterKey: text
                      producerTask: inner-2
              taskInfo:
                name: join
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  @Test
  void aNestedPipelinesTaskWhoseNameIsTakenIsNamedAfterItsCaller() {
    Pipeline p = Kfp2Reader.read(SPEC, "nested-names.yaml");
    assertEquals(List.of("echo", "inner-echo", "inner-2-echo", "join"), p.allNodes().stream().map(Node::name).toList());
    Task join = (Task) p.node("join").orElseThrow();
    assertEquals(Map.of("a", new Argument.TaskOutput("echo", "text"), "b", new Argument.TaskOutput("inner-echo", "text"),
        "c", new Argument.TaskOutput("inner-2-echo", "text")), join.arguments());
    assertEquals(List.of("echo", "inner-echo", "inner-2-echo"), join.after());
  }

  @Test
  void aSpecWithoutAClashReadsAsNamed() {
    Pipeline p = Kfp2Reader.read(NestedPipelineOutputTest.SPEC, "nested-outputs.yaml");
    assertEquals(List.of("make", "use"), p.allNodes().stream().map(Node::name).toList());
  }

  /** A chain of branches (dsl.If, dsl.Else) in the outer and in the nested pipeline: the nested one, renamed, is a chain too. */
  @Test
  void aNestedPipelinesChainOfBranchesRenamedIsAChainStill() {
    String spec = """
        components:
          comp-condition-2:
            dag:
              tasks:
                echo-a:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        runtimeValue:
                          constant: a
                  taskInfo:
                    name: echo-a
            inputDefinitions:
              parameters:
                pipelinechannel--flag:
                  parameterType: STRING
          comp-condition-3:
            dag:
              tasks:
                echo-b:
                  componentRef:
                    name: comp-echo
                  inputs:
                    parameters:
                      msg:
                        runtimeValue:
                          constant: b
                  taskInfo:
                    name: echo-b
            inputDefinitions:
              parameters:
                pipelinechannel--flag:
                  parameterType: STRING
          comp-condition-branches-1:
            dag:
              tasks:
                condition-2:
                  componentRef:
                    name: comp-condition-2
                  inputs:
                    parameters:
                      pipelinechannel--flag:
                        componentInputParameter: pipelinechannel--flag
                  taskInfo:
                    name: condition-2
                  triggerPolicy:
                    condition: inputs.parameter_values['pipelinechannel--flag'] == 'a'
                condition-3:
                  componentRef:
                    name: comp-condition-3
                  inputs:
                    parameters:
                      pipelinechannel--flag:
                        componentInputParameter: pipelinechannel--flag
                  taskInfo:
                    name: condition-3
                  triggerPolicy:
                    condition: '!(inputs.parameter_values[''pipelinechannel--flag''] == ''a'')'
            inputDefinitions:
              parameters:
                pipelinechannel--flag:
                  parameterType: STRING
          comp-inner:
            dag:
              tasks:
                condition-branches-1:
                  componentRef:
                    name: comp-condition-branches-1
                  inputs:
                    parameters:
                      pipelinechannel--flag:
                        componentInputParameter: flag
                  taskInfo:
                    name: condition-branches-1
            inputDefinitions:
              parameters:
                flag:
                  parameterType: STRING
        """ + SPEC.substring(SPEC.indexOf("  comp-echo:"), SPEC.indexOf("  comp-inner:"))
        + SPEC.substring(SPEC.indexOf("deploymentSpec:"), SPEC.indexOf("exec-join:")).stripTrailing() + """

        pipelineInfo:
          name: nested-branches
        root:
          dag:
            tasks:
              condition-branches-1:
                componentRef:
                  name: comp-condition-branches-1
                inputs:
                  parameters:
                    pipelinechannel--flag:
                      componentInputParameter: flag
                taskInfo:
                  name: condition-branches-1
              inner:
                componentRef:
                  name: comp-inner
                inputs:
                  parameters:
                    flag:
                      componentInputParameter: flag
                taskInfo:
                  name: inner
          inputDefinitions:
            parameters:
              flag:
                parameterType: STRING
        schemaVersion: 2.1.0
        sdkVersion: kfp-2.17.0
        """;
    Pipeline p = Kfp2Reader.read(spec, "nested-branches.yaml");
    assertEquals(List.of("condition-branches-1", "condition-2", "echo-a", "condition-3", "echo-b", "inner-condition-branches-1",
        "inner-condition-2", "inner-echo-a", "inner-condition-3", "inner-echo-b"), p.allNodes().stream().map(Node::name).toList());
    dev.kfp4j.model.Branches inner = (dev.kfp4j.model.Branches) p.node("inner-condition-branches-1").orElseThrow();
    assertEquals(List.of("inner-condition-2", "inner-condition-3"), inner.branches().stream().map(Node::name).toList());
  }

  /**
   * KFP's pipeline_as_exit_task.yaml: a pipeline as exit task is the model's exit pipeline, named as the task that runs it,
   * its tasks named as a nested pipeline's are.
   */
  @Test
  void aPipelineAsExitTaskIsTheExitPipeline() {
    // as KFP's compiler writes an exit task: after the one plain group before it (the exit handler's; here a pipeline's)
    String spec = SPEC.replace("          name: inner-2\n",
        "          name: inner-2\n        dependentTasks:\n        - inner\n        triggerPolicy:\n          strategy: ALL_UPSTREAM_TASKS_COMPLETED\n");
    Pipeline p = Kfp2Reader.read(spec, "nested-names.yaml");
    assertEquals("inner-2", p.exitPipeline().name());
    assertEquals(List.of("inner-2-echo"), p.exitPipeline().nodes().stream().map(Node::name).toList());
    assertEquals(List.of("echo", "inner-echo", "join"), p.nodes().stream().map(Node::name).toList());
  }

  /** A pipeline run after a failure of what it waits for (ignore_upstream_failure on a pipeline's task) is not in the model. */
  @Test
  void aPipelineRunAfterAFailureOtherThanTheExitTaskIsRefused() {
    String spec = SPEC.replace("          name: inner-2\n",
        "          name: inner-2\n        dependentTasks:\n        - echo\n        triggerPolicy:\n          strategy: ALL_UPSTREAM_TASKS_COMPLETED\n");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(spec, "nested-names.yaml"));
    assertEquals("nested-names.yaml: root, task 'inner-2' runs a DAG (a pipeline) even when a task it waits for failed "
        + "(ignore_upstream_failure, or one of several exit handlers); kfp4j's model runs a task after a failure, or one pipeline "
        + "as the exit task", e.getMessage());
  }

  @Test
  void aRunShowsTheNestedTasksByTheirNames() throws Exception {
    Workflow w = Workflow.parse(SPEC, "nested-names.yaml");
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build().run(w, Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("one", r.output("inner-echo", "text"));
    assertEquals("two", r.output("inner-2-echo", "text"));
    assertEquals("outer+one+two", r.output("join", "text"));
    String record = Files.readString(r.runDir().resolve("run.json"));
    assertTrue(record.contains("\"inner-2-echo\""), record);
  }
}
