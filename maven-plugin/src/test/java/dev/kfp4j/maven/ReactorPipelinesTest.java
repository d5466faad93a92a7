package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn compile kfp4j:run -Dkfp4j.pipeline=report} at the root of a project of modules: each module that has no such
 * pipeline failed the build ('no pipeline report'), before the module that has it ran. (The build of two modules in
 * {@code integration-tests/src/it/two-modules} runs it so.) The module that runs the goal when none has the pipeline, to
 * fail saying so, is the one whose turn comes last, which under {@code mvn -T} need not be the last of the build's order.
 */
class ReactorPipelinesTest {
  private static final String SKIPPED = "kfp4j: skipped: this module compiled no pipeline 'report' (kfp4j:run runs in the"
      + " modules of the build that did)";

  @TempDir Path dir;

  /** A build of lib, app and extra, app's class output holding the pipeline 'report'. */
  private Reactor reactor() throws Exception {
    Reactor r = new Reactor(dir, "lib", "app", "extra");
    Path report = r.classes("app").toPath().resolve("META-INF/kfp4j/pipelines/report.yaml");
    Files.createDirectories(report.getParent());
    Files.writeString(report, "{}");
    return r;
  }

  private static String skip(Reactor r, String module, String pipeline) {
    return ReactorPipelines.skip(r.session(module), "kfp4j:run", pipeline, r.classes(module));
  }

  @Test
  void oneModuleAtATimeTheModuleThatHasItRunsItAndTheLastRunsTheGoalWhenNoneHadIt() throws Exception {
    Reactor r = reactor();
    assertEquals(SKIPPED, skip(r, "lib", "report"));
    r.finished("lib");
    assertNull(skip(r, "app", "report"), "the module that has it runs it");
    r.finished("app");
    assertEquals(SKIPPED, skip(r, "extra", "report"), "a module after it skips it");
    // another name, found nowhere: the last module runs the goal, which says the pipeline is not there
    Reactor again = reactor();
    assertEquals(SKIPPED.replace("'report'", "'nope'"), skip(again, "lib", "nope"));
    assertEquals(SKIPPED.replace("'report'", "'nope'"), skip(again, "app", "nope"));
    assertNull(skip(again, "extra", "nope"));
  }

  /**
   * Under {@code mvn -T 2}, extra, the last of the build's order but independent of app, had its turn while app was still
   * building: it ran the goal, failing the build ('no pipeline report'), though app had the pipeline. It skips it now.
   */
  @Test
  void inAParallelBuildTheLastModuleOfTheOrderDoesNotFailBeforeTheModuleThatHasItHadItsTurn() throws Exception {
    Reactor r = reactor();
    assertEquals(SKIPPED, skip(r, "extra", "report"));
    assertEquals(SKIPPED, skip(r, "lib", "report"));
    assertNull(skip(r, "app", "report"));
  }

  /**
   * Under {@code mvn -T 2}, app and extra, neither of which has the pipeline 'nope', had their turns before lib had its own:
   * each skipped the goal, lib too, as it was not the last of the build's order, and the build succeeded without running it.
   * Lib, whose turn is the last, runs the goal now, which fails saying the pipeline is not there.
   */
  @Test
  void inAParallelBuildTheModuleWhoseTurnIsLastRunsTheGoalWhenNoneHadIt() throws Exception {
    Reactor r = reactor();
    assertEquals(SKIPPED.replace("'report'", "'nope'"), skip(r, "app", "nope"));
    assertEquals(SKIPPED.replace("'report'", "'nope'"), skip(r, "extra", "nope"));
    assertNull(skip(r, "lib", "nope"));
  }

  /** A module that finished building without running the goal (not run there, or failed before it) is waited for no longer. */
  @Test
  void aModuleThatFinishedWithoutTheGoalLeavesTheLastTurnToTheOthers() throws Exception {
    Reactor r = reactor();
    assertEquals(SKIPPED.replace("'report'", "'nope'"), skip(r, "lib", "nope"));
    assertEquals(SKIPPED.replace("'report'", "'nope'"), skip(r, "extra", "nope"), "app is still building");
    Reactor again = reactor();
    again.finished("app");
    assertEquals(SKIPPED.replace("'report'", "'nope'"), skip(again, "lib", "nope"));
    assertNull(skip(again, "extra", "nope"));
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
