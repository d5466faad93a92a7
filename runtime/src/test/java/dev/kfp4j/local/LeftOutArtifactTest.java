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
 * KFP's {@code components_with_optional_artifacts.py}, cut down: {@code inner_pipeline(dataset: Optional[Input[Dataset]] =
 * None)} gives {@code dataset} to a task's optional input, and the root calls it given a task's dataset and given nothing.
 * KFP's driver finds an input artifact of a task only among its DAG's ({@code resolveInputArtifact} in {@code
 * backend/src/v2/driver/resolve.go}, "parent DAG does not have input artifact"), whether or not the task's input is optional
 * ({@code resolveInputs} asks {@code isOptional} of parameters only), so the call given nothing fails on a cluster. Before, a
 * local run started the task inside without the artifact and succeeded; now a run of the file is refused before anything runs, naming
 * the task that reads the artifact and the one that leaves it out (a picture still reads it).
 */
class LeftOutArtifactTest {
  @TempDir Path dir;

  static final String SPEC = """
      components:
        comp-inner-pipeline:
          dag:
            tasks:
              printer:
                componentRef:
                  name: comp-printer
                inputs:
                  artifacts:
                    artifact:
                      componentInputArtifact: dataset
                taskInfo:
                  name: printer
          inputDefinitions:
            artifacts:
              dataset:
                artifactType:
                  schemaTitle: system.Dataset
                  schemaVersion: 0.0.1
                isOptional: true
        comp-make:
          executorLabel: exec-make
          outputDefinitions:
            artifacts:
              data:
                artifactType:
                  schemaTitle: system.Dataset
                  schemaVersion: 0.0.1
        comp-printer:
          executorLabel: exec-printer
          inputDefinitions:
            artifacts:
              artifact:
                artifactType:
                  schemaTitle: system.Artifact
                  schemaVersion: 0.0.1
                isOptional: true
          outputDefinitions:
            parameters:
              Output:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-make:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$0")" && printf made > "$0"
              - '{{$.outputs.artifacts[''data''].path}}'
              image: alpine:3
          exec-printer:
            container:
              command:
              - sh
              - -c
              - mkdir -p "$(dirname "$1")" && cat "$0" > "$1"
              - '{{$.inputs.artifacts[''artifact''].path}}'
              - '{{$.outputs.parameters[''Output''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: optional-artifact-pipeline
      root:
        dag:
          tasks:
            inner-pipeline:
              componentRef:
                name: comp-inner-pipeline
              dependentTasks:
              - make
              inputs:
                artifacts:
                  dataset:
                    taskOutputArtifact:
                      outputArtifactKey: data
                      producerTask: make
              taskInfo:
                name: inner-pipeline
            inner-pipeline-2:
              componentRef:
                name: comp-inner-pipeline
              taskInfo:
                name: inner-pipeline-2
            make:
              componentRef:
                name: comp-make
              taskInfo:
                name: make
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  /** SPEC without its task {@code inner-pipeline-2}, the call given nothing. */
  static final String GIVEN = SPEC.replace("""
            inner-pipeline-2:
              componentRef:
                name: comp-inner-pipeline
              taskInfo:
                name: inner-pipeline-2
      """, "");

  private RunResult run(String yaml) {
    return LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build().run(Workflow.parse(yaml, "optional.yaml"), Map.of());
  }

  @Test
  void givenADatasetTheCalledPipelinesTaskReadsIt() {
    assertFalse(GIVEN.equals(SPEC));
    RunResult r = run(GIVEN);
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals("made", r.output("printer", "Output"));
  }

  @Test
  void aCallLeavingItOutIsRefusedBeforeAnythingRunsNamingTheTaskThatReadsIt() {
    WorkflowException e = assertThrows(WorkflowException.class, () -> run(SPEC));
    assertEquals("optional.yaml: component 'comp-inner-pipeline', task 'printer', input 'artifact': it reads artifact 'dataset' "
        + "of its DAG, which task 'inner-pipeline-2' (root) running that DAG leaves out; KFP's driver fails the task though its "
        + "input is optional (resolveInputArtifact in backend/src/v2/driver/resolve.go: \"parent DAG does not have input "
        + "artifact\"): have task 'inner-pipeline-2' pass an artifact", e.getMessage());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing ran");
    // read for a picture, not run: the file is as KFP's compiler writes it
    assertEquals("optional-artifact-pipeline", dev.kfp4j.format.kfp2.Kfp2Reader.read(SPEC, "optional.yaml").name());
  }
}
