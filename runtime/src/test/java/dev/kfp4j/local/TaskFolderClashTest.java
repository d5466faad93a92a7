package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each task of a run has a folder of its own. A KFP 2 pipeline's task names are not checked as Argo's are, and a pipeline
 * written by hand can name two tasks whose folders would be one ({@code a b} and {@code a_b}, each {@code a_b}): the second
 * is refused, and the first keeps what it wrote.
 */
class TaskFolderClashTest {
  @TempDir Path dir;

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
      pipelineInfo:
        name: clash
      root:
        dag:
          tasks:
            a b:
              componentRef:
                name: comp-echo
              inputs:
                parameters:
                  msg:
                    runtimeValue:
                      constant: one
              taskInfo:
                name: a b
            a_b:
              componentRef:
                name: comp-echo
              dependentTasks: [a b]
              inputs:
                parameters:
                  msg:
                    runtimeValue:
                      constant: two
              taskInfo:
                name: a_b
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  @Test
  void aTaskWhoseFolderIsAnothersIsRefusedAndTheOtherKeepsItsFiles() throws Exception {
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).progress(false).summary(false).build()
        .run(Workflow.parse(SPEC, "clash.yaml"), Map.of());
    assertFalse(r.succeeded());
    assertEquals("one", r.output("a b", "text"));
    assertEquals("one", Files.readString(r.runDir().resolve("a_b/outputs/text/data")), "task 'a b' keeps its output");
    assertEquals("task 'a_b' would have the folder a_b of the run, which is task 'a b''s: name the tasks apart, with letters, digits "
        + "and '-' as KFP's compiler names them", r.task("a_b").orElseThrow().message());
  }
}
