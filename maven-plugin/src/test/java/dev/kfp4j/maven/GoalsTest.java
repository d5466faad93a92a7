package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.FakeKfpServer;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The goals that talk to KFP, run as Maven runs them (parameters set, then execute) against a KFP server on loopback. */
class GoalsTest {
  static final File CLASSES = new File("../examples/target/classes");

  FakeKfpServer kfp;

  @BeforeEach
  void start() {
    kfp = FakeKfpServer.start();
  }

  @AfterEach
  void stop() {
    kfp.close();
  }

  /**
   * What Maven gives a goal in a project without a config file: the project's folder, and its {@code kfp4j.yaml} (not there)
   * as the config file, which the goal then goes without.
   */
  static void noConfig(Kfp4jMojo mojo, Path project) {
    mojo.basedir = project.toFile();
    mojo.config = project.resolve("kfp4j.yaml").toFile();
  }

  private <T extends PipelineMojo> T configure(T mojo) {
    mojo.host = kfp.uri().toString();
    mojo.classes = CLASSES;
    mojo.pipeline = "add-example";
    mojo.output = "table";
    GoalsTest.noConfig(mojo, Path.of("target"));
    return mojo;
  }

  @Test
  void runOnceUploadsAndRunsAndWaits() throws Exception {
    RunOnceMojo mojo = configure(new RunOnceMojo());
    mojo.arguments = Map.of("value2", "10");
    mojo.experiment = "maven";
    mojo.waitForCompletion = true;
    mojo.execute();
    JsonNode run = kfp.runs().get(0);
    assertEquals("Succeeded", run.path("status").asString());
    assertEquals("[{\"name\":\"value2\",\"value\":\"10\"}]", run.at("/pipeline_spec/parameters").toString());
    assertEquals("maven", kfp.experiments().get(0).path("name").asString());
  }

  @Test
  void aFailedRunFailsTheBuildAndAMistakeIsAConfigurationError() {
    kfp.runsEndAs("Failed");
    RunOnceMojo mojo = configure(new RunOnceMojo());
    mojo.waitForCompletion = true;
    MojoFailureException failed = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(failed.getMessage().startsWith("kfp4j:run-once failed"), failed.getMessage());

    RunOnceMojo typo = configure(new RunOnceMojo());
    typo.arguments = Map.of("valu2", "10");
    MojoExecutionException usage = assertThrows(MojoExecutionException.class, typo::execute);
    assertTrue(usage.getMessage().contains("has no parameter 'valu2'; did you mean 'value2'?"), usage.getMessage());
  }

  @Test
  void scheduleMakesARecurringRunOfTheUploadedPipeline() throws Exception {
    UploadPipelineMojo upload = configure(new UploadPipelineMojo());
    upload.execute();
    ScheduleMojo schedule = configure(new ScheduleMojo());
    schedule.cron = "0 0 4 * * *";
    schedule.maxConcurrency = 3;
    schedule.execute();
    JsonNode job = kfp.jobs().get(0);
    assertEquals("0 0 4 * * *", job.at("/trigger/cron_schedule/cron").asString());
    assertEquals("3", job.path("max_concurrency").asString());
    assertEquals(1, kfp.pipelines().size());
  }

  /**
   * The goal's versionName on a pipeline not yet on the server, with api version v2beta1: the pipeline's first version takes
   * it (KFP named it as the pipeline), shown as it too.
   */
  @Test
  void versionNameNamesANewPipelinesFirstVersionWithV2beta1() throws Exception {
    UploadPipelineMojo upload = configure(new UploadPipelineMojo());
    upload.apiVersion = "v2beta1";
    upload.versionName = "release-1";
    upload.execute();
    assertEquals(1, kfp.v2().pipelines().size());
    assertEquals(java.util.List.of("release-1 release-1"), kfp.v2().versions().stream()
        .map(v -> v.path("name").asString() + " " + v.path("display_name").asString()).toList());
  }

  /**
   * A pipeline given as a file needs no compiled project: the goal names no classes folder that is not there (which the
   * command refuses); a pipeline given by name in a project not compiled is refused with what to do.
   */
  @Test
  void aPipelineFileUploadsFromAProjectNotCompiled() throws Exception {
    File missing = new File("target/no-such-classes");
    UploadPipelineMojo upload = configure(new UploadPipelineMojo());
    upload.classes = missing;
    upload.pipeline = new File(CLASSES, "META-INF/kfp4j/pipelines/add-example.yaml").getPath();
    upload.execute();
    assertEquals(1, kfp.pipelines().size());

    UploadPipelineMojo byName = configure(new UploadPipelineMojo());
    byName.classes = missing;
    MojoExecutionException usage = assertThrows(MojoExecutionException.class, byName::execute);
    assertTrue(usage.getMessage().contains("mvn compile"), usage.getMessage());
  }

  /**
   * A workflow file that names its namespace is refused naming the goal's property, as a Maven user gives the namespace
   * ({@code -Dkfp4j.namespace}), not the {@code kfp4j} command's {@code -n/--namespace}, which no goal takes; nothing sent.
   */
  @Test
  void aNamespaceInTheFileIsRefusedNamingTheGoalsProperty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path edited = dir.resolve("edited.yaml");
    java.nio.file.Files.writeString(edited, java.nio.file.Files.readString(new File(CLASSES, "META-INF/kfp4j/pipelines/add-example.yaml")
        .toPath()).replace("\n  labels:\n", "\n  namespace: team-a\n  labels:\n"));
    for (PipelineMojo mojo : java.util.List.of(new UploadPipelineMojo(), new RunOnceMojo())) {
      configure(mojo).pipeline = edited.toString();
      assertEquals("kfp4j:" + mojo.command() + " failed: " + edited + ": the workflow uses metadata.namespace, which kfp4j's model"
          + " does not carry: the workflow written again would lose it. Give the namespace as -Dkfp4j.namespace (or the config"
          + " file's namespace) (for metadata.namespace), or submit the file with Argo's own tools (argo submit)",
          assertThrows(MojoExecutionException.class, mojo::execute).getMessage());
    }
    assertTrue(kfp.requests().isEmpty(), "nothing was sent: " + kfp.requests());
  }
}
