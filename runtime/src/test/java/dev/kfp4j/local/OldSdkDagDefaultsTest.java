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
 * A DAG's input parameter with a {@code defaultValue} but no {@code isOptional}, as KFP's SDKs before 2.0 wrote them. The
 * root's takes its default when a run leaves it out ({@code Compile} in {@code backend/src/v2/compiler/argocompiler/argo.go}
 * fills the run's values with the root's defaults, {@code isOptional} or not). A called pipeline's, left out by its call, does
 * not: KFP's DAG driver ({@code resolveInputs} in {@code backend/src/v2/driver/resolve.go}) fills in the default of an
 * optional input only, and its type check then makes a {@code STRING} input with no value the empty text ({@code
 * metadata.PbValueToText(nil)}) and fails on any other type ("unknown protobuf.Value type"). Before, a local run refused
 * both, saying the input was no input of the DAG.
 */
class OldSdkDagDefaultsTest {
  @TempDir Path dir;

  static final String SPEC = """
      components:
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
                defaultValue: inner default
                parameterType: STRING
        comp-echo:
          executorLabel: exec-echo
          inputDefinitions:
            parameters:
              msg:
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
              - mkdir -p "$(dirname "$1")" && printf '[%s]' "$0" > "$1"
              - '{{$.inputs.parameters[''msg'']}}'
              - '{{$.outputs.parameters[''Output''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: old-defaults
      root:
        dag:
          tasks:
            echo-root:
              componentRef:
                name: comp-echo
              inputs:
                parameters:
                  msg:
                    componentInputParameter: x
              taskInfo:
                name: echo-root
            inner:
              componentRef:
                name: comp-inner
              taskInfo:
                name: inner
        inputDefinitions:
          parameters:
            x:
              defaultValue: root default
              parameterType: STRING
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.0.0-beta.13
      """;

  private static String replace(String in, String what, String with) {
    assertTrue(in.contains(what), what);
    return in.replace(what, with);
  }

  private RunResult run(String yaml) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "old.yaml"), Map.of());
  }

  @Test
  void theRootsTakesItsDefaultAndACalledPipelinesStringInputLeftOutIsTheEmptyText() {
    RunResult r = run(SPEC);
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("[root default]", r.output("echo-root", "Output"));
    assertEquals("[]", r.output("echo", "Output"));
  }

  @Test
  void givenByTheCallItIsWhatTheCallGives() {
    RunResult r = run(replace(SPEC, "          name: comp-inner\n", "          name: comp-inner\n        inputs:\n          parameters:\n"
        + "            s:\n              componentInputParameter: x\n"));
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("[root default]", r.output("echo", "Output"));
  }

  @Test
  void aCalledPipelinesInputOfAnotherTypeLeftOutIsRefusedAsKfpsDriverFailsTheDag() {
    String spec = replace(SPEC, "          defaultValue: inner default\n          parameterType: STRING\n",
        "          defaultValue: 3.0\n          parameterType: NUMBER_INTEGER\n");
    WorkflowException e = assertThrows(WorkflowException.class, () -> run(spec));
    assertEquals("old.yaml: root, task 'inner': it does not give input 's' of its DAG, which has a defaultValue but no isOptional "
        + "(as KFP's SDKs before 2.0 wrote them); KFP's driver takes the default of an optional input only, and fails the DAG on "
        + "this one (resolveInputs in backend/src/v2/driver/resolve.go: \"unknown protobuf.Value type\"): give the input in the "
        + "task, or mark it isOptional: true (as KFP's SDK 2 compiles it)", e.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    assertEquals("old-defaults", dev.kfp4j.format.kfp2.Kfp2Reader.read(spec, "old.yaml").name(), "a picture still reads it");
  }

  /** SPEC with its task {@code echo-root} giving nothing to its component's input, which has a default of type {@code type}. */
  private static String componentDefault(String dflt, String type) {
    String spec = replace(SPEC, "        inputs:\n          parameters:\n            msg:\n              componentInputParameter: x\n", "");
    return replace(spec, "        msg:\n          parameterType: STRING\n",
        "        msg:\n          defaultValue: " + dflt + "\n          parameterType: " + type + "\n");
  }

  /**
   * A component's input with a default but no {@code isOptional}, which a task leaves out, is no different to KFP's driver: it
   * gives it no default (the launcher's {@code addDefaultParams} fills in only an input given nothing, and the driver gave it
   * the empty text), and fails the task on a type other than {@code STRING}. Before, a local run gave it the default.
   */
  @Test
  void aComponentsInputWithADefaultButNoIsOptionalLeftOutIsTheEmptyTextOrFailsTheTask() {
    RunResult text = run(componentDefault("its default", "STRING"));
    assertTrue(text.succeeded(), () -> String.valueOf(text.failedTask()));
    assertEquals("[]", text.output("echo-root", "Output"));
    RunResult number = run(componentDefault("3.0", "NUMBER_INTEGER"));
    assertFalse(number.succeeded());
    assertEquals("task 'echo-root': input parameter 'msg' (NUMBER_INTEGER) has a defaultValue but no isOptional (as KFP's SDKs "
        + "before 2.0 wrote them), and the task gives it none; KFP's driver takes no default for it and fails the task "
        + "(resolveInputs in backend/src/v2/driver/resolve.go: \"unknown protobuf.Value type\"): give the input in the task, or "
        + "mark it isOptional: true", number.failedTask().orElseThrow().message());
    RunResult optional = run(componentDefault("its default\n          isOptional: true", "STRING"));
    assertTrue(optional.succeeded(), () -> String.valueOf(optional.failedTask()));
    assertEquals("[its default]", optional.output("echo-root", "Output"), "an optional input takes its default (addDefaultParams)");
  }
}
