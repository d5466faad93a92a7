package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value given to a task's input in a run of a KFP 2 file is what KFP's driver gives it ({@code
 * handleParamTypeValidationAndConversion} in {@code resolveInputs}, {@code backend/src/v2/driver/resolve.go}): a pipeline
 * input is a protobuf value of its declared type, which a {@code STRING} input takes as its text ({@code
 * metadata.PbValueToText}: {@code 1} for the double {@code 1.0}, {@code 1000} for {@code 1e3}, {@code true} for {@code True}),
 * and any other input only when it is of its kind, the driver failing the task on another ("type mismatch"). Before, a local
 * run gave the text as the run was given it, and ran a task given a string for a number or a struct for a list.
 */
class DriverInputTypesTest {
  @TempDir Path dir;

  /** {@code echo} gives input {@code msg} (of type {@code TO}) back; the root's input {@code x} (of type {@code FROM}) feeds it. */
  static final String SPEC = """
      components:
        comp-echo:
          executorLabel: exec-echo
          inputDefinitions:
            parameters:
              msg:
                parameterType: TO
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
              - mkdir -p "$(dirname "$1")" && printf '%s' "$0" > "$1"
              - '{{$.inputs.parameters[''msg'']}}'
              - '{{$.outputs.parameters[''Output''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: driver-types
      root:
        dag:
          tasks:
            echo:
              componentRef:
                name: comp-echo
              inputs:
                parameters:
                  msg:
                    componentInputParameter: x
              taskInfo:
                name: echo
        inputDefinitions:
          parameters:
            x:
              parameterType: FROM
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  private RunResult run(String from, String to, String value) {
    String yaml = SPEC.replace("parameterType: TO", "parameterType: " + to).replace("parameterType: FROM", "parameterType: " + from);
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build()
        .run(Workflow.parse(yaml, "driver-types.yaml"), Map.of("x", value));
  }

  private String echoed(String from, String value) {
    RunResult r = run(from, "STRING", value);
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    return r.output("echo", "Output");
  }

  @Test
  void aStringInputTakesANumberOrABooleanAsItsText() {
    assertEquals("1", echoed("NUMBER_DOUBLE", "1.0"));
    assertEquals("1000", echoed("NUMBER_DOUBLE", "1e3"));
    assertEquals("7", echoed("NUMBER_INTEGER", "007"));
    assertEquals("true", echoed("BOOLEAN", "True"));
    assertEquals("a b", echoed("STRING", "a b"));
  }

  @Test
  void anInputOfAnotherKindFailsTheTaskAsKfpsDriverDoes() {
    RunResult r = run("STRING", "NUMBER_INTEGER", "12");
    assertFalse(r.succeeded());
    assertEquals("task 'echo': input parameter 'msg' type mismatch: expect NUMBER_INTEGER, got string (STRING); KFP's driver "
        + "fails the task (resolveInputs in backend/src/v2/driver/resolve.go)", r.failedTask().orElseThrow().message());
    RunResult list = run("STRUCT", "LIST", "{}");
    assertEquals("task 'echo': input parameter 'msg' type mismatch: expect LIST, got struct (STRUCT); KFP's driver fails the "
        + "task (resolveInputs in backend/src/v2/driver/resolve.go)", list.failedTask().orElseThrow().message());
  }

  @Test
  void aNumberOfEitherTypeGoesToANumberInput() {
    RunResult r = run("NUMBER_INTEGER", "NUMBER_DOUBLE", "3");
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("3", r.output("echo", "Output"));
  }
}
