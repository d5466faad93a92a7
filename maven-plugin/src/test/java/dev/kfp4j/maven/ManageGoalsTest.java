package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.FakeKfpServer;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The run-management goals on KFP 2 (v2beta1), as a deploy build uses them, against a KFP server on loopback. */
class ManageGoalsTest {
  FakeKfpServer kfp;

  @BeforeEach
  void start() {
    kfp = FakeKfpServer.start();
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  private <T extends ServerMojo> T configure(T mojo) {
    mojo.host = kfp.uri().toString();
    mojo.apiVersion = "v2beta1";
    mojo.output = "json";
    GoalsTest.noConfig(mojo, Path.of("target"));
    return mojo;
  }

  /**
   * 'mvn kfp4j:run-get' without -Dkfp4j.runId ran 'kfp4j runs get' and failed with the command's "Missing required parameter:
   * 'RUN_ID'" and its usage; a required parameter is refused by Maven before the goal runs, naming -Dkfp4j.runId.
   */
  @Test
  void theIdsAGoalActsOnAreRequiredSoMavenNamesTheirProperties() throws Exception {
    Map<String, PluginDescriptor> goals = PluginDescriptor.goals();
    Map<String, java.util.Set<String>> required = Map.of("run-get", java.util.Set.of("runId"), "run-terminate", java.util.Set.of("runId"),
        "recurring-run-enable", java.util.Set.of("recurringRunId"), "recurring-run-disable", java.util.Set.of("recurringRunId"),
        "recurring-run-delete", java.util.Set.of("recurringRunId"), "pipeline-version-delete", java.util.Set.of("pipeline", "versionId"),
        "experiment-archive", java.util.Set.of("experiment"));
    required.forEach((goal, names) -> assertTrue(goals.get(goal).required().containsAll(names), goal + ": " + goals.get(goal).required()));
  }

  @Test
  void aDeployBuildSwitchesTheOldScheduleOffChecksARunAndCleansUp() throws Exception {
    ScheduleMojo schedule = configure(new ScheduleMojo());
    schedule.classes = GoalsTest.CLASSES;
    schedule.pipeline = "add-example";
    schedule.upload = true;
    schedule.every = "1h";
    schedule.execute();
    String id = kfp.v2().recurringRuns().get(0).path("recurring_run_id").asString();

    RecurringRunDisableMojo disable = configure(new RecurringRunDisableMojo());
    disable.recurringRunId = id;
    disable.execute();
    assertEquals("DISABLED", kfp.v2().recurringRuns().get(0).path("status").asString());
    RecurringRunEnableMojo enable = configure(new RecurringRunEnableMojo());
    enable.recurringRunId = id;
    enable.execute();
    assertEquals("ENABLED", kfp.v2().recurringRuns().get(0).path("status").asString());

    RunOnceMojo once = configure(new RunOnceMojo());
    once.classes = GoalsTest.CLASSES;
    once.pipeline = "add-example";
    once.execute();
    RunTerminateMojo terminate = configure(new RunTerminateMojo());
    terminate.runId = kfp.v2().runs().get(0).path("run_id").asString();
    terminate.execute();
    assertEquals("CANCELED", kfp.v2().runs().get(0).path("state").asString());
    RunGetMojo get = configure(new RunGetMojo());
    get.runId = terminate.runId;
    get.execute();

    RecurringRunDeleteMojo delete = configure(new RecurringRunDeleteMojo());
    delete.recurringRunId = id;
    delete.execute();
    assertTrue(kfp.v2().recurringRuns().isEmpty());
    String version = kfp.v2().versions().get(0).path("pipeline_version_id").asString();
    PipelineVersionDeleteMojo deleteVersion = configure(new PipelineVersionDeleteMojo());
    deleteVersion.pipeline = "add-example";
    deleteVersion.versionId = version;
    deleteVersion.execute();
    assertEquals(1, kfp.v2().versions().size(), "the run-once version stays");
    ExperimentArchiveMojo archive = configure(new ExperimentArchiveMojo());
    archive.experiment = "Default";
    archive.execute();
    assertEquals("ARCHIVED", kfp.v2().experiments().get(0).path("storage_state").asString());
  }

  @Test
  void aGoalWithoutItsIdIsAConfigurationErrorAndAnUnknownIdFailsTheBuild() {
    MojoExecutionException missing = assertThrows(MojoExecutionException.class, configure(new RunGetMojo())::execute);
    assertTrue(missing.getMessage().startsWith("kfp4j:run-get failed: "), missing.getMessage());
    RecurringRunDisableMojo unknown = configure(new RecurringRunDisableMojo());
    unknown.recurringRunId = "recurring-run-404";
    MojoFailureException failed = assertThrows(MojoFailureException.class, unknown::execute);
    assertTrue(failed.getMessage().contains("recurring-run-404 not found"), failed.getMessage());
  }
}
