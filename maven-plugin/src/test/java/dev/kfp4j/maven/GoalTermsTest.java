package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.cli.Kfp4j;
import dev.kfp4j.cli.Terms;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a goal passes on from the {@code kfp4j} command names the goals and their properties, as a Maven user gives them: after
 * {@code mvn kfp4j:init} the next step was "then 'kfp4j upload-pipeline'", a usage error named {@code --cron-expression} and
 * printed the command's whole usage. The command's code asks the goal's {@link GoalTerms} for each name; these were
 * MavenTermsTest's, when rules rewrote the command's text.
 */
class GoalTermsTest {
  private static final String CLASSES = GoalsTest.CLASSES.toString();

  @TempDir Path dir;

  @Test
  void initsNextStepIsAGoal() throws Exception {
    InitMojo init = new InitMojo();
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
    InitMojo init = new InitMojo();
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
    ScheduleMojo schedule = new ScheduleMojo();
    schedule.host = "http://127.0.0.1:9";
    schedule.classes = GoalsTest.CLASSES;
    schedule.pipeline = "add-example";
    schedule.output = "table";
    GoalsTest.noConfig(schedule, dir);
    RunMojoTest.Recorded log = new RunMojoTest.Recorded();
    schedule.setLog(log);
    MojoExecutionException e = assertThrows(MojoExecutionException.class, schedule::execute);
    assertEquals("kfp4j:schedule failed: give a schedule: -Dkfp4j.cron='0 0 4 * * *' or -Dkfp4j.every=1h (one of them)", e.getMessage());
    assertEquals(List.of(), log.errors, "no 'Usage: kfp4j schedule [-hvV] ...'");
  }

  /**
   * The command's messages, as a goal runs the command: in its terms ({@link GoalTerms}), one line, no usage. Each is the
   * command's own line, named by the code that says it, not rewritten.
   */
  @Test
  void theCommandsMessagesInTheGoalsTerms() throws Exception {
    assertEquals("pipeline argument 'value1' is given twice (-Dkfp4j.arg); give each parameter once",
        error("run", "--arg", "value1=1", "--arg", "value1=2"));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertTrue(error("run", "--classes", empty.toString()).endsWith("; run 'mvn compile' or pass -Dkfp4j.pipeline=FILE"));
    assertTrue(error("run", "--classes", CLASSES).startsWith("choose a pipeline with -Dkfp4j.pipeline: [add-example, "));
    assertEquals("-Dkfp4j.engine, -Dkfp4j.engineArgs and -Dkfp4j.mapImages are for -Dkfp4j.containers",
        error("run", "-p", "add-example", "--classes", CLASSES, "--engine", "docker"));
    Path kfp2 = Path.of(CLASSES, "META-INF/kfp4j/kfp2/pipelines/add-example.yaml");
    assertEquals(kfp2 + " is a KFP 2 pipeline spec, not an Argo Workflow; leave out -Dkfp4j.format or pass -Dkfp4j.format=kfp2",
        error("run", "-p", kfp2.toString(), "--format", "argo"));
    assertTrue(error("run", "--classes", dir.resolve("x").toString()).startsWith("-Dkfp4j.classes names " + dir.resolve("x")
        + ", which is not there"));
    Path file = Files.writeString(dir.resolve("a-file"), "");
    assertTrue(error("run", "-p", "add-example", "--classes", CLASSES, "--root", file.toString())
        .endsWith("; give a root (-Dkfp4j.root) that is a folder you can write, or can create"), "the runner's own message");

    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path argo = Path.of(CLASSES, "META-INF/kfp4j/pipelines/add-example.yaml");
    assertEquals("-Dkfp4j.pinImage: no image was built for " + classes + " (no " + dir.resolve("kfp4j-image.json")
        + "); build and push it first with 'mvn kfp4j:image'",
        error("upload-pipeline", "-p", argo.toString(), "--classes", classes.toString(), "--pin-image", "--host", "http://127.0.0.1:9"));
    assertEquals("no config file k.yaml; 'mvn kfp4j:init -Dkfp4j.host=<host>' writes one",
        error("upload-pipeline", "-p", argo.toString(), "--config", "k.yaml"));

    assertEquals("-Dkfp4j.every='2 days' is not a duration; write 30s, 15m, 1h, 1d or an ISO-8601 duration like PT90M",
        error("schedule", "--every", "2 days"));
    assertEquals("-Dkfp4j.maxConcurrency is 0; give 1 to 10 (how many of its runs go at once)",
        error("schedule", "--every", "1h", "--max-concurrency", "0"));
    assertEquals("-Dkfp4j.check runs the image, so it needs -Dkfp4j.to=daemon or registry, not a tar",
        error("image", "--check", "--to", "tar"));
  }

  /**
   * A message naming an option by its short name says the goal's property too: {@code kfp4j:graph} into a file with several
   * pipelines named the command's {@code -o}, which the rules that rewrote the command's text did not know.
   */
  @Test
  void aShortOptionIsTheGoalsPropertyToo() {
    GraphMojo graph = new GraphMojo();
    graph.classes = GoalsTest.CLASSES;
    graph.format = "svg";
    graph.output = dir.resolve("all.svg").toFile();
    graph.setLog(new RunMojoTest.Recorded());
    MojoExecutionException e = assertThrows(MojoExecutionException.class, graph::execute);
    assertTrue(e.getMessage().startsWith("kfp4j:graph failed: choose a pipeline: [add-example, "), e.getMessage());
    assertTrue(e.getMessage().endsWith("], or draw them all into a folder: -Dkfp4j.output=" + graph.output + " is not there; make it "
        + "first"), e.getMessage());
  }

  /** What the messages that need a server, a registry or an engine to be said ask the goals' terms. */
  @Test
  void theGoalsNamesOfOptionsAndCommands() {
    GoalTerms upload = new GoalTerms("upload-pipeline");
    assertEquals("-Dkfp4j.apiVersion=v1beta1", upload.option("--api-version", "v1beta1"));
    assertEquals("mvn kfp4j:list-pipelines", upload.command("pipelines list"));
    assertEquals("kfp4j experiments list", upload.command("experiments list"), "a command with no goal is the command's");
    assertEquals("mvn kfp4j:init -Dkfp4j.host=<host>", upload.command("init", "<host>"));
    assertEquals("", upload.orGoal("image"), "the goal is named: not again");
    GoalTerms schedule = new GoalTerms("schedule");
    assertEquals("mvn kfp4j:upload-pipeline", schedule.command("upload-pipeline"));
    assertEquals("-Dkfp4j.upload", schedule.option("--upload"));
    assertEquals("-Dkfp4j.cron='0 0 4 * * *'", schedule.option("--cron-expression", "'0 0 4 * * *'"));
    assertEquals("mvn kfp4j:run-once -Dkfp4j.experiment=e", schedule.command("run-once", "--experiment", "e"));
    assertEquals("-Dkfp4j.checkImage", new GoalTerms("validate").option("--image"));
    GoalTerms image = new GoalTerms("image");
    assertEquals("-Dkfp4j.image", image.option("--image"));
    assertEquals("mvn kfp4j:image -Dkfp4j.to=daemon", image.command("image", "--to", "daemon"));
    assertEquals("--classpath", image.option("--classpath"), "the project's class path is no property");
    assertEquals("-Dkfp4j.engineArgs", image.option("--engine-arg"));
    assertEquals("-Dkfp4j.wait=false", new GoalTerms("run-once").option("--no-wait"));
    assertEquals("-Dkfp4j.cache=false", new GoalTerms("run-once").option("--no-cache"), "a run's caching: kfp4j.cache");
    assertEquals("-Dkfp4j.cache", schedule.option("--cache"));
    assertEquals("-Dkfp4j.noCache", new GoalTerms("run").option("--no-cache"), "the local run's --no-cache as it was");
    assertEquals("-Dkfp4j.mapImages=kfp4j.invalid/no-image=IMAGE", new GoalTerms("run").option("--map-image",
        "kfp4j.invalid/no-image=IMAGE"), "the runner's note on a task with no image");
    assertEquals("-Dkfp4j.containers", new GoalTerms("run").option("--containers"));
    assertEquals("-Dkfp4j.engine", new GoalTerms("validate").option("--engine"));
    assertEquals("-Dkfp4j.runId=r1", image.command("runs get", "r1").replace("mvn kfp4j:run-get ", ""), "a parameter's property");
    assertEquals("-Dkfp4j.insecureSkipVerify", new GoalTerms("run-once").option("-k/--insecure-skip-verify"),
        "a failed TLS handshake's advice: the goals take it too");
  }

  /** The command line's own terms: the command's text as it always was. */
  @Test
  void theCommandLinesTermsAreTheCommandsWords() {
    Terms cli = Terms.COMMAND_LINE;
    assertEquals("--cron-expression '0 0 4 * * *'", cli.option("--cron-expression", "'0 0 4 * * *'"));
    assertEquals("kfp4j image --to daemon", cli.command("image", "--to", "daemon"));
    assertEquals(" (or mvn kfp4j:image)", cli.orGoal("image"));
    assertTrue(cli.usage());
  }

  /** The goal running {@code command}'s failure, as the goals run the command: its one line, without 'kfp4j: error: '. */
  private static String error(String command, String... args) {
    List<String> line = new ArrayList<>(List.of(command.split(" ")));
    line.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Kfp4j.execute(line.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), new GoalTerms(command));
    assertEquals(Kfp4j.USAGE, code, err.toString());
    List<String> said = err.toString().lines().toList();
    assertEquals(1, said.size(), "one line, and no usage of the command: " + err);
    assertTrue(said.get(0).startsWith("kfp4j: error: "), err.toString());
    return said.get(0).substring("kfp4j: error: ".length());
  }

  /** The options a goal passes that no property gives: the project's class path and name, the pom's headers. */
  private static final Set<String> NO_PROPERTY = Set.of("--classpath", "--name", "--header");

  /** Each goal runs its command, whose goal it is, and every option it passes is named by one of its properties. */
  @Test
  void everyOptionAGoalPassesIsOneOfItsProperties() throws Exception {
    for (var goal : PluginDescriptor.goals().entrySet()) {
      Kfp4jMojo mojo = GoalArgumentsTest.configured(goal.getValue(), true, dir);
      assertEquals(goal.getKey(), GoalTerms.goal(mojo.command()));
      for (String a : mojo.arguments()) {
        String option = a.replaceFirst("=.*", "");
        if (option.startsWith("--")) {
          String property = GoalTerms.property(goal.getKey(), option);
          assertTrue(property == null ? NO_PROPERTY.contains(option)
              : goal.getValue().fieldOfProperty().containsKey("kfp4j." + property), goal.getKey() + " " + option + ": " + property);
        }
      }
    }
  }
}
