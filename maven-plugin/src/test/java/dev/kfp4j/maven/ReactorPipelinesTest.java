package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn compile kfp4j:run -Dkfp4j.pipeline=report} at the root of a project of modules: each module that has no such
 * pipeline failed the build ('no pipeline report'), before the module that has it ran. (The build of two modules in
 * {@code integration-tests/src/it/two-modules} runs it so.)
 */
class ReactorPipelinesTest {
  @TempDir Path dir;

  @Test
  void aModuleWithoutThePipelineSkipsItAndTheLastOneRunsTheGoalWhenNoneHadIt() {
    Set<String> found = new HashSet<>();
    assertEquals("kfp4j: skipped: this module compiled no pipeline 'report' (kfp4j:run runs in the modules of the build that"
        + " did)", ReactorPipelines.skip("kfp4j:run", "report", false, false, found));
    assertNull(ReactorPipelines.skip("kfp4j:run", "report", true, false, found), "the module that has it runs it");
    assertEquals("kfp4j: skipped: this module compiled no pipeline 'report' (kfp4j:run runs in the modules of the build that"
        + " did)", ReactorPipelines.skip("kfp4j:run", "report", false, true, found), "a module after it skips it");
    // another goal, or another name, found nowhere yet: the last module runs the goal, which says the pipeline is not there
    assertNull(ReactorPipelines.skip("kfp4j:graph", "report", false, true, found));
    assertNull(ReactorPipelines.skip("kfp4j:run", "nope", false, true, found));
  }

  @Test
  void aPipelineIsFoundInEitherFormatAndAFileIsNoName() throws Exception {
    Path classes = dir.resolve("classes");
    assertFalse(ReactorPipelines.compiled(classes.toFile(), "report"));
    Files.createDirectories(classes.resolve("META-INF/kfp4j/kfp2/pipelines"));
    Files.writeString(classes.resolve("META-INF/kfp4j/kfp2/pipelines/report.yaml"), "{}");
    assertTrue(ReactorPipelines.compiled(classes.toFile(), "report"));
    assertTrue(ReactorPipelines.isName("report"));
    assertFalse(ReactorPipelines.isName("pipelines/report.yaml"));
    assertFalse(ReactorPipelines.isName("report.yaml"));
  }
}
