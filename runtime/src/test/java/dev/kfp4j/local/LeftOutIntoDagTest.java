package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KFP 2 file as the Python SDK writes {@code def p(tag: Optional[str] = None, n: int = 1)} that passes {@code tag} to a task
 * of the root and, under {@code dsl.If(n > 0)}, to a task in the condition's DAG. KFP gives the root a left-out input as null
 * ({@code Compile} in {@code backend/src/v2/compiler/argocompiler/argo.go}); the root's task, whose input is optional, goes
 * without it, but the condition's DAG driver refuses the null ({@code resolveInputs} in {@code backend/src/v2/driver/resolve.go},
 * {@code ErrResolvedParameterNull}), and a called pipeline's DAG, whose input is optional, skips it, so that its task reading it
 * fails ("parent DAG does not have input parameter"). Before, a local run passed the tasks inside nothing and succeeded; now it
 * is refused before anything runs, naming the task that passes the value.
 */
class LeftOutIntoDagTest {
  @TempDir Path dir;

  static final String SPEC = """
      components:
        comp-condition-1:
          dag:
            tasks:
              echo-2:
                componentRef:
                  name: comp-echo
                inputs:
                  parameters:
                    msg:
                      componentInputParameter: pipelinechannel--tag
                taskInfo:
                  name: echo-2
          inputDefinitions:
            parameters:
              pipelinechannel--n:
                parameterType: NUMBER_INTEGER
              pipelinechannel--tag:
                parameterType: STRING
        comp-echo:
          executorLabel: exec-echo
          inputDefinitions:
            parameters:
              msg:
                isOptional: true
                parameterType: STRING
          outputDefinitions:
            parameters:
              Output:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-echo:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$0")" && printf ran > "$0"
              - '{{$.outputs.parameters[''Output''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: left-out
      root:
        dag:
          tasks:
            condition-1:
              componentRef:
                name: comp-condition-1
              inputs:
                parameters:
                  pipelinechannel--n:
                    componentInputParameter: n
                  pipelinechannel--tag:
                    componentInputParameter: tag
              taskInfo:
                name: condition-1
              triggerPolicy:
                condition: int(inputs.parameter_values['pipelinechannel--n']) > 0
            echo:
              componentRef:
                name: comp-echo
              inputs:
                parameters:
                  msg:
                    componentInputParameter: tag
              taskInfo:
                name: echo
        inputDefinitions:
          parameters:
            n:
              defaultValue: 1.0
              isOptional: true
              parameterType: NUMBER_INTEGER
            tag:
              isOptional: true
              parameterType: STRING
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  private static String replace(String in, String what, String with) {
    assertTrue(in.contains(what), what);
    return in.replace(what, with);
  }

  private RunResult run(String yaml, Map<String, String> arguments) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "left-out.yaml"), arguments);
  }

  @Test
  void givenAValueBothTasksRun() {
    RunResult r = run(SPEC, Map.of("tag", "v1"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("ran", r.output("echo", "Output"));
    assertEquals("ran", r.output("condition-1/echo-2", "Output"));
  }

  @Test
  void leftOutAndPassedIntoAConditionTheRunIsRefusedBeforeAnythingRuns() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> run(SPEC, Map.of()));
    assertEquals("left-out.yaml: pipeline input 'tag' is left out (optional, no default), and root task 'condition-1' passes it "
        + "into its DAG as input 'pipelinechannel--tag'; KFP's driver fails such a run (resolveInputs in "
        + "backend/src/v2/driver/resolve.go: a null input the DAG does not declare optional is refused), where a local run "
        + "would pass the tasks inside nothing: give 'tag' a value", e.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  @Test
  void leftOutAndPassedToAnOptionalInputOfACalledPipelineTheRunIsRefused() {
    // condition-1 as a pipeline used as a component: its input optional, as the SDK writes Optional[str] = None
    String spec = replace(replace(SPEC, "        pipelinechannel--tag:\n          parameterType: STRING\n",
        "        pipelinechannel--tag:\n          isOptional: true\n          parameterType: STRING\n"),
        "        triggerPolicy:\n          condition: int(inputs.parameter_values['pipelinechannel--n']) > 0\n", "");
    WorkflowException e = assertThrows(WorkflowException.class, () -> run(spec, Map.of()));
    assertEquals("left-out.yaml: pipeline input 'tag' is left out (optional, no default), and root task 'condition-1' passes it "
        + "into its DAG as input 'pipelinechannel--tag'; KFP's driver fails such a run (resolveInputs in "
        + "backend/src/v2/driver/resolve.go: the DAG's optional input is skipped, and its task 'echo-2' reading it finds none), "
        + "where a local run would pass the tasks inside nothing: give 'tag' a value", e.getMessage());
  }

  @Test
  void leftOutAndPassedOnlyToTheRootsTasksItRuns() {
    String spec = replace(replace(SPEC, "            pipelinechannel--tag:\n              componentInputParameter: tag\n", ""),
        "                componentInputParameter: pipelinechannel--tag\n", "                runtimeValue:\n                  constant: x\n");
    RunResult r = run(spec, Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("ran", r.output("echo", "Output"));
  }
}
