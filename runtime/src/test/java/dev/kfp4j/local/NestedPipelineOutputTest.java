package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline used as a component of another, as KFP's compiler writes it: a task running a DAG
 * component (no loop, no condition), whose outputs select outputs of its own tasks. A task of the
 * outer DAG reading such an output, a value or an artifact, reads the inner task's.
 */
class NestedPipelineOutputTest {
  @TempDir Path dir;

  static final String SPEC = """
      components:
        comp-inner:
          dag:
            outputs:
              artifacts:
                Output:
                  artifactSelectors:
                  - outputArtifactKey: out
                    producerSubtask: make
              parameters:
                size:
                  valueFromParameter:
                    outputParameterKey: size
                    producerSubtask: make
            tasks:
              make:
                componentRef:
                  name: comp-make
                taskInfo:
                  name: make
          outputDefinitions:
            artifacts:
              Output:
                artifactType:
                  schemaTitle: system.Dataset
                  schemaVersion: 0.0.1
            parameters:
              size:
                parameterType: NUMBER_INTEGER
        comp-make:
          executorLabel: exec-make
          outputDefinitions:
            artifacts:
              out:
                artifactType:
                  schemaTitle: system.Dataset
                  schemaVersion: 0.0.1
            parameters:
              size:
                parameterType: NUMBER_INTEGER
        comp-use:
          executorLabel: exec-use
          inputDefinitions:
            artifacts:
              data:
                artifactType:
                  schemaTitle: system.Dataset
                  schemaVersion: 0.0.1
            parameters:
              n:
                parameterType: NUMBER_INTEGER
          outputDefinitions:
            parameters:
              text:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-make:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$0")" "$(dirname "$1")" && printf made > "$0" && printf 4 > "$1"
              - '{{$.outputs.artifacts[''out''].path}}'
              - '{{$.outputs.parameters[''size''].output_file}}'
              image: alpine:3
          exec-use:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$2")" && printf 'used %s (%s)' "$(cat "$0")" "$1" > "$2"
              - '{{$.inputs.artifacts[''data''].path}}'
              - '{{$.inputs.parameters[''n'']}}'
              - '{{$.outputs.parameters[''text''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: nested-outputs
      root:
        dag:
          tasks:
            inner:
              componentRef:
                name: comp-inner
              taskInfo:
                name: inner
            use:
              componentRef:
                name: comp-use
              dependentTasks:
              - inner
              inputs:
                artifacts:
                  data:
                    taskOutputArtifact:
                      outputArtifactKey: Output
                      producerTask: inner
                parameters:
                  n:
                    taskOutputParameter:
                      outputParameterKey: size
                      producerTask: inner
              taskInfo:
                name: use
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  @Test
  void aTaskReadsTheValueAndTheArtifactANestedPipelineOutputs() {
    Workflow w = Workflow.parse(SPEC, "nested-outputs.yaml");
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build().run(w, Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("used made (4)", r.output("use", "text"));
  }
}
