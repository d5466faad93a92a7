package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a goal passes on from the {@code kfp4j} command names the goals and their properties, as a Maven user gives them: after
 * {@code mvn kfp4j:init} the next step was "then 'kfp4j upload-pipeline'", a usage error named {@code --cron-expression} and
 * printed the command's whole usage.
 */
class MavenTermsTest {
  @TempDir Path dir;

  @Test
  void initsNextStepIsAGoal() throws Exception {
    Goals.InitMojo init = new Goals.InitMojo();
    init.host = "https://kfp.example.com";
    init.project = "demo";
    init.config = dir.resolve("kfp4j.yaml").toFile();
    RunMojoTest.Recorded log = new RunMojoTest.Recorded();
    init.setLog(log);
    init.execute();
    assertEquals(List.of("Configuration written to " + init.config + ". Edit the image and experiment, then 'mvn kfp4j:upload-pipeline'."),
        log.info);
  }

  @Test
  void initOverAConfigFileSaysHowToOverwriteItWithAProperty() throws Exception {
    Goals.InitMojo init = new Goals.InitMojo();
    init.host = "https://kfp.example.com";
    init.project = "demo";
    init.config = Files.writeString(dir.resolve("kfp4j.yaml"), "host: x\n").toFile();
    RunMojoTest.Recorded log = new RunMojoTest.Recorded();
    init.setLog(log);
    MojoExecutionException e = assertThrows(MojoExecutionException.class, init::execute);
    assertEquals("kfp4j:init failed: " + init.config + " exists; edit it, or pass -Dkfp4j.force to overwrite it", e.getMessage());
    assertEquals(List.of(), log.errors, "the failure says it once; no usage of the command");
  }

  /** A usage error names the goal's properties, once, in the build's failure: not the command's options, nor its usage. */
  @Test
  void aUsageErrorNamesTheGoalsPropertiesAndNotTheCommandsUsage() {
    Goals.ScheduleMojo schedule = new Goals.ScheduleMojo();
    schedule.host = "http://127.0.0.1:9";
    schedule.classes = GoalsTest.CLASSES;
    schedule.pipeline = "add-example";
    schedule.output = "table";
    schedule.config = dir.resolve("no-such-kfp4j.yaml").toFile();
    RunMojoTest.Recorded log = new RunMojoTest.Recorded();
    schedule.setLog(log);
    MojoExecutionException e = assertThrows(MojoExecutionException.class, schedule::execute);
    assertEquals("kfp4j:schedule failed: give a schedule: -Dkfp4j.cron='0 0 4 * * *' or -Dkfp4j.every=1h (one of them)", e.getMessage());
    assertEquals(List.of(), log.errors, "no 'Usage: kfp4j schedule [-hvV] ...'");
  }

  @Test
  void theCommandsMessagesInTheGoalsTerms() {
    MavenTerms run = new MavenTerms("run");
    assertEquals("pipeline argument 'value1' is given twice (-Dkfp4j.arg); give each parameter once",
        run.say("pipeline argument 'value1' is given twice (-a/--arg); give each parameter once"));
    assertEquals("no compiled pipeline in target/classes; run 'mvn compile' or pass -Dkfp4j.pipeline=FILE",
        run.say("no compiled pipeline in target/classes; run 'mvn compile' or pass --pipeline FILE"));
    assertEquals("choose a pipeline with -Dkfp4j.pipeline: [a, b]", run.say("choose a pipeline with --pipeline: [a, b]"));
    assertEquals("-Dkfp4j.engine, -Dkfp4j.engineArgs and -Dkfp4j.mapImages are for -Dkfp4j.containers",
        run.say("--engine, --engine-arg and --map-image are for --containers"));
    assertEquals("a KFP 2 pipeline spec; leave out -Dkfp4j.format or pass -Dkfp4j.format=argo",
        run.say("a KFP 2 pipeline spec; leave out --format or pass --format argo"));
    assertEquals("not there; or build it into the engine with 'mvn kfp4j:image -Dkfp4j.to=daemon'",
        run.say("not there; or build it into the engine with 'kfp4j image --to daemon'"));
    assertEquals("-Dkfp4j.classes names x, which is not there", run.say("--classes names x, which is not there"));
    assertEquals("task 'w' failed: error: unrecognized arguments: --input-path x",
        run.say("task 'w' failed: error: unrecognized arguments: --input-path x"), "no option of the command: a task's own");

    MavenTerms upload = new MavenTerms("upload-pipeline");
    assertEquals("-Dkfp4j.pinImage: no image was built for c (no f); build and push it first with 'mvn kfp4j:image'",
        upload.say("--pin-image: no image was built for c (no f); build and push it first with 'kfp4j image' (or mvn kfp4j:image)"));
    assertEquals("no config file k.yaml; 'mvn kfp4j:init -Dkfp4j.host=<host>' writes one",
        upload.say("no config file k.yaml; 'kfp4j init <host>' writes one"));
    assertEquals("an Argo Server keeps no pipelines; 'mvn kfp4j:run-once -Dkfp4j.argo' submits the pipeline",
        upload.say("an Argo Server keeps no pipelines; 'run-once --argo' submits the pipeline"));
    assertEquals("no pipeline named 'run' or of that id on h; 'mvn kfp4j:list-pipelines' lists them",
        upload.say("no pipeline named 'run' or of that id on h; 'kfp4j pipelines list' lists them"));
    assertEquals("set api_version: v1beta1 (-Dkfp4j.apiVersion=v1beta1)", upload.say("set api_version: v1beta1 (--api-version v1beta1)"));

    MavenTerms schedule = new MavenTerms("schedule");
    assertEquals("upload it first: mvn kfp4j:upload-pipeline, or add -Dkfp4j.upload",
        schedule.say("upload it first: kfp4j upload-pipeline, or add --upload"));
    assertEquals("-Dkfp4j.every='2 days' is not a duration", schedule.say("--every '2 days' is not a duration"));
    assertEquals("-Dkfp4j.maxConcurrency is 0; give 1 to 10", schedule.say("--max-concurrency is 0; give 1 to 10"));

    assertEquals("the image: drop -Dkfp4j.checkImage", new MavenTerms("validate").say("the image: drop --image"));
    assertEquals("the image: drop -Dkfp4j.image", new MavenTerms("image").say("the image: drop --image"));
    assertEquals("-Dkfp4j.check runs the image, so it needs -Dkfp4j.to=daemon or registry, not a tar",
        new MavenTerms("image").say("--check runs the image, so it needs --to daemon or registry, not a tar"));
    assertEquals("no jar of --classpath has it; see dev.kfp4j:kfp4j-entrypoint in kfp4j.yaml",
        new MavenTerms("image").say("no jar of --classpath has it; see dev.kfp4j:kfp4j-entrypoint in kfp4j.yaml"),
        "the project's class path is no property; kfp4j's names that are no command stay");
  }

  /** Each goal runs its command, whose goal it is, and every option it passes is named by one of its properties. */
  @Test
  void everyOptionAGoalPassesIsOneOfItsProperties() throws Exception {
    for (var goal : PluginDescriptor.goals().entrySet()) {
      Kfp4jMojo mojo = GoalArgumentsTest.configured(goal.getValue(), true, dir);
      assertEquals(goal.getKey(), MavenTerms.goal(mojo.command()));
      for (String a : mojo.arguments()) {
        String option = a.replaceFirst("=.*", "");
        if (option.startsWith("--")) {
          String property = MavenTerms.property(goal.getKey(), option);
          assertTrue(property == null ? MavenTerms.NO_PROPERTY.contains(option)
              : goal.getValue().fieldOfProperty().containsKey("kfp4j." + property), goal.getKey() + " " + option + ": " + property);
        }
      }
    }
  }
}
