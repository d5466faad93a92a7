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
 * A value given to a called pipeline's input of another type than its own, in a foreign KFP 2 file (kfp4j's processor writes
 * none). KFP's driver of the called pipeline's DAG checks it against the DAG's input type ({@code resolveInputs} in {@code
 * backend/src/v2/driver/resolve.go}, {@code handleParamTypeValidationAndConversion}): a {@code STRING} input makes the
 * number text, so that a task inside taking it as a number fails; an input of another kind fails the DAG. Before, a local run
 * put the called pipeline's tasks in, given the root's number as it was, and ran them.
 */
class DagInputTypesTest {
  @TempDir Path dir;

  static final String SPEC = """
      components:
        comp-echo:
          executorLabel: exec-echo
          inputDefinitions:
            parameters:
              msg:
                parameterType: ECHO
          outputDefinitions:
            parameters:
              Output:
                parameterType: STRING
        comp-inner:
          dag:
            tasks:
              echo:
                componentRef:
                  name: comp-echo
                inputs:
                  parameters:
                    msg:
                      componentInputParameter: s
                taskInfo:
                  name: echo
          inputDefinitions:
            parameters:
              s:
                parameterType: INNER
      deploymentSpec:
        executors:
          exec-echo:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$1")" && printf '%s' "$0" > "$1"
              - '{{$.inputs.parameters[''msg'']}}'
              - '{{$.outputs.parameters[''Output''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: dag-types
      root:
        dag:
          tasks:
            inner:
              componentRef:
                name: comp-inner
              inputs:
                parameters:
                  s:
                    componentInputParameter: x
              taskInfo:
                name: inner
        inputDefinitions:
          parameters:
            x:
              parameterType: NUMBER_INTEGER
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  private RunResult run(String inner, String echo) {
    String yaml = SPEC.replace("parameterType: INNER", "parameterType: " + inner).replace("parameterType: ECHO", "parameterType: " + echo);
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build()
        .run(Workflow.parse(yaml, "dag-types.yaml"), Map.of("x", "12"));
  }

  @Test
  void aStringInputOfTheCalledPipelineMakesTheNumberTextWhichItsNumberInputRefuses() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> run("STRING", "NUMBER_INTEGER"));
    assertEquals("dag-types.yaml: root, task 'inner' gives input 's' of its DAG (STRING) a number (NUMBER_INTEGER), which KFP's "
        + "driver of that DAG makes text, and its task 'echo' takes it as an input of another type; KFP's driver fails that task "
        + "(resolveInputs in backend/src/v2/driver/resolve.go: \"input parameter type mismatch\"): declare the DAG's input of the "
        + "value's type", e.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
  }

  @Test
  void anInputOfAnotherKindFailsTheCalledPipeline() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> run("BOOLEAN", "BOOLEAN"));
    assertEquals("dag-types.yaml: root, task 'inner' gives input 's' of its DAG (BOOLEAN) a number (NUMBER_INTEGER); KFP's driver "
        + "of that DAG fails it (resolveInputs in backend/src/v2/driver/resolve.go: \"input parameter type mismatch\"): give the "
        + "input a value of its type", e.getMessage());
  }

  @Test
  void aStringInputReadAsTextOrANumberInputOfEitherNumberTypeRuns() {
    RunResult text = run("STRING", "STRING");
    assertTrue(text.succeeded(), () -> String.valueOf(text.failedTask()));
    assertEquals("12", text.output("echo", "Output"));
    RunResult number = run("NUMBER_DOUBLE", "NUMBER_INTEGER");
    assertTrue(number.succeeded(), () -> String.valueOf(number.failedTask()));
  }

  @Test
  void aTaskInsideAPipelineTheCalledOneCallsIsFoundToo() {
    String calling = String.join("\n", "        mid:", "          componentRef:", "            name: comp-mid", "          inputs:",
        "            parameters:", "              m:", "                componentInputParameter: s", "          taskInfo:",
        "            name: mid", "");
    String mid = String.join("\n", "  comp-mid:", "    dag:", "      tasks:", "        echo:", "          componentRef:",
        "            name: comp-echo", "          inputs:", "            parameters:", "              msg:",
        "                componentInputParameter: m", "          taskInfo:", "            name: echo", "    inputDefinitions:",
        "      parameters:", "        m:", "          parameterType: STRING", "");
    String echo = SPEC.substring(SPEC.indexOf("        echo:\n"), SPEC.indexOf("            name: echo\n") + 23);
    String yaml = SPEC.replace("parameterType: INNER", "parameterType: STRING").replace("parameterType: ECHO", "parameterType: NUMBER_INTEGER")
        .replace(echo, calling).replace("  comp-inner:\n", mid + "  comp-inner:\n");
    assertTrue(yaml.contains("name: comp-mid\n") && !yaml.contains("componentInputParameter: s\n          taskInfo:\n            name: echo"), yaml);
    WorkflowException e = assertThrows(WorkflowException.class, () -> LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build()
        .run(Workflow.parse(yaml, "dag-types.yaml"), Map.of("x", "12")));
    assertEquals("dag-types.yaml: root, task 'inner' gives input 's' of its DAG (STRING) a number (NUMBER_INTEGER), which KFP's "
        + "driver of that DAG makes text, and its task 'echo' inside its task 'mid' takes it as an input of another type; KFP's "
        + "driver fails that task (resolveInputs in backend/src/v2/driver/resolve.go: \"input parameter type mismatch\"): declare "
        + "the DAG's input of the value's type", e.getMessage());
  }
}
