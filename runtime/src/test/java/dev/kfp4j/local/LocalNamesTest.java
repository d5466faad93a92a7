package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A task's folder name and an output's KFP v1 kind, as the runner works them out from names. */
class LocalNamesTest {
  @Test
  void aTaskFolderIsItsIdWithEachRunOfOtherCharactersOneUnderscore() {
    assertEquals("train-model(2)", RunPaths.taskFolder("train-model(2)"));
    assertEquals("for-loop-1_0_.add", RunPaths.taskFolder("for-loop-1[0]/.add"));
    assertEquals("a_b", RunPaths.taskFolder("a \uD83D\uDE00é/b"));
    assertEquals("_", RunPaths.taskFolder("\0"));
  }

  @Test
  void anOutputsKindIsReadFromItsLettersAlone() {
    assertEquals("metrics", ArtifactReader.kfpV1Kind("MLPipeline-Metrics"));
    assertEquals("metrics", ArtifactReader.kfpV1Kind("ml pipeline metrics 2"));
    assertEquals("ui-metadata", ArtifactReader.kfpV1Kind("mlpipeline_UI_metadata"));
    assertEquals("", ArtifactReader.kfpV1Kind("mlpipeline_metric"));
  }
}
