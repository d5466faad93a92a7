package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.FakeKfpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that send a workflow file (upload-pipeline, run-once, schedule --upload, run-once --argo) with keys of the
 * workflow's own that kfp4j would not write again: a usage error naming them, nothing sent.
 */
class WorkflowKeysCommandsTest {
  @TempDir
  Path dir;

  FakeKfpServer kfp;
  Path config;

  @BeforeEach
  void start() throws Exception {
    kfp = FakeKfpServer.start();
    config = dir.resolve("kfp4j.yaml");
    Files.writeString(config, "host: %s\nrun_config:\n  experiment_name: Calc\n".formatted(kfp.uri()));
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  @Test
  void aKeyOfTheWorkflowKfp4jWouldNotWriteAgainSendsNothing() throws Exception {
    // add-example as compiled, a label of the workflow and tolerations for all its pods added by hand
    Path edited = dir.resolve("edited.yaml");
    Files.writeString(edited, Files.readString(OverlayTest.ADD)
        .replace("\n  labels:\n", "\n  labels:\n    team: ml\n")
        .replace("\n  serviceAccountName: pipeline-runner\n", "\n  serviceAccountName: pipeline-runner\n  tolerations:\n"
            + "  - {key: gpu, operator: Exists}\n"));
    for (Cli r : SendingCommands.run(config, edited)) {
      assertEquals(2, r.code(), r.toString());
      String said = r.err().lines().findFirst().orElse(""); // one line, then the command's usage
      assertEquals("kfp4j: error: " + edited + ": the workflow uses metadata.labels.team, spec.tolerations, which kfp4j's model"
          + " does not carry: the workflow written again would lose them. Set toleration(...) on each task (for"
          + " spec.tolerations), remove metadata.labels.team (kfp4j has no setting that writes it), or submit the file with"
          + " Argo's own tools (argo submit)", said, r.toString());
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }

  /** A namespace in the file: the command's own option gives a run's namespace, and the message names it. */
  @Test
  void aNamespaceInTheFileIsRefusedNamingTheCommandsOption() throws Exception {
    Path edited = dir.resolve("edited.yaml");
    Files.writeString(edited, Files.readString(OverlayTest.ADD).replace("\n  labels:\n", "\n  namespace: team-a\n  labels:\n"));
    for (Cli r : SendingCommands.run(config, edited)) {
      assertEquals(2, r.code(), r.toString());
      assertEquals("kfp4j: error: " + edited + ": the workflow uses metadata.namespace, which kfp4j's model does not carry: the"
          + " workflow written again would lose it. Give the namespace as -n/--namespace (or the config file's namespace) (for"
          + " metadata.namespace), or submit the file with Argo's own tools (argo submit)", r.err().lines().findFirst().orElse(""),
          r.toString());
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }
}
