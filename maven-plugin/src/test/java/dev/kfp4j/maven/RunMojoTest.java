package dev.kfp4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kfp4j:run}, run as Maven runs it, on the examples' compiled pipelines in both formats. */
class RunMojoTest {
  @TempDir Path dir;

  /** What a goal logged, by level. */
  static final class Recorded extends SystemStreamLog {
    final List<String> info = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      info.add(content.toString());
    }

    @Override
    public void error(CharSequence content) {
      errors.add(content.toString());
    }
  }

  /**
   * {@code mvn -f project/pom.xml kfp4j:run} (or {@code -pl module} from a parent) wrote its runs to {@code .kfp4j/runs} of the
   * folder Maven was started in, not the project's, where {@code kfp4j:ui -Dkfp4j.local} then showed none of them.
   */
  @Test
  void runsGoToTheProjectsRunsFolderWhereTheUiLooks() throws Exception {
    Map<String, PluginDescriptor> goals = PluginDescriptor.goals();
    assertEquals("${project.basedir}/.kfp4j/runs", goals.get("run").defaults().get("root"));
    assertEquals(goals.get("ui").defaults().get("root"), goals.get("run").defaults().get("root"));
  }

  private Recorded run(String format) throws Exception {
    RunMojo mojo = new RunMojo();
    mojo.classes = GoalsTest.CLASSES;
    mojo.classpath = List.of();
    mojo.pipeline = "add-example";
    mojo.format = format;
    mojo.root = dir.toFile();
    mojo.noCache = true;
    mojo.arguments = Map.of("value1", "3", "value2", "4");
    GoalsTest.noConfig(mojo, dir);
    Recorded log = new Recorded();
    mojo.setLog(log);
    mojo.execute();
    return log;
  }

  /**
   * {@code mvn compile kfp4j:run} at the root of a project of modules: the root, of packaging {@code pom}, compiles nothing,
   * and failed the build ('-Dkfp4j.classes names .../target/classes, which is not there') after its modules had run.
   */
  @Test
  void aParentOfModulesIsSkippedSayingWhy() throws Exception {
    RunMojo mojo = new RunMojo();
    mojo.classes = dir.resolve("target/classes").toFile();
    mojo.classpath = List.of();
    mojo.root = dir.toFile();
    GoalsTest.noConfig(mojo, dir);
    mojo.packaging = "pom";
    Recorded log = new Recorded();
    mojo.setLog(log);
    mojo.execute();
    assertEquals(List.of("kfp4j: skipped: a project of packaging pom compiles no pipelines (kfp4j:run runs in each module that"
        + " does)"), log.info);
    assertEquals(List.of(), log.errors);
  }

  @Test
  void aRunWhileTheLocalUiServesItsRootNamesItsPageAsNewsNotAsAnError() throws Exception {
    // what a serving 'kfp4j ui --local' leaves in the runs folder: its address, then a live process id
    Files.writeString(dir.resolve("ui.url"), "http://127.0.0.1:8765/\n" + ProcessHandle.current().pid() + "\n");
    Recorded log = run(null);
    assertEquals(List.of(), log.errors, "nothing went wrong");
    assertTrue(log.info.stream().anyMatch(l -> l.startsWith("run page: http://127.0.0.1:8765/#/run/add-example/")), log.info.toString());
  }

  /**
   * {@code -Dkfp4j.arg}, {@code --arg}'s property as the README names the goals' properties, gives
   * arguments on Maven's command line, over the pom's: it was no property at all, so {@code mvn
   * kfp4j:run -Dkfp4j.arg=value1=10} ran with the pom's arguments and said nothing.
   */
  @Test
  void argumentsOnMavensCommandLineGoOverThePoms() throws Exception {
    RunMojo mojo = new RunMojo();
    mojo.classes = GoalsTest.CLASSES;
    mojo.classpath = List.of();
    mojo.pipeline = "add-example";
    mojo.root = dir.toFile();
    mojo.noCache = true;
    mojo.arguments = Map.of("value1", "3", "value2", "4");
    mojo.arg = "value1=10";
    GoalsTest.noConfig(mojo, dir);
    Recorded log = new Recorded();
    mojo.setLog(log);
    mojo.execute();
    assertEquals(List.of(), log.errors, "nothing went wrong");
    assertTrue(log.info.contains("multiply = 84"), log.info.toString()); // (10 + 4) * (10 - 4)

    List<String> line = new ArrayList<>();
    Kfp4jMojo.arguments(line, Map.of(), "numbers=[1,2], rows=5,note={\"a\": 1, \"b\": 2}");
    assertEquals(List.of("--arg", "numbers=[1,2]", "--arg", "rows=5", "--arg", "note={\"a\": 1, \"b\": 2}"), line,
        "a comma before NAME= starts the next; a JSON value keeps its own");
    line.clear();
    Kfp4jMojo.arguments(line, new java.util.LinkedHashMap<>(Map.of("value1", "3")), "value1=10");
    assertEquals(List.of("--arg", "value1=10"), line, "the command line's value goes over the pom's: the command gets one");
  }

  /**
   * {@code -Dkfp4j.arg} giving one parameter twice was run with the last value: the goal fails naming it and the property, not
   * its values, nor the command's option ({@code -a/--arg}).
   */
  @Test
  void anArgumentGivenTwiceOnMavensCommandLineFailsTheGoal() {
    RunMojo mojo = new RunMojo();
    mojo.classes = GoalsTest.CLASSES;
    mojo.classpath = List.of();
    mojo.pipeline = "add-example";
    mojo.root = dir.toFile();
    mojo.arguments = Map.of("value2", "4");
    mojo.arg = "value1=31415,value1=27182";
    GoalsTest.noConfig(mojo, dir);
    Recorded log = new Recorded();
    mojo.setLog(log);
    org.apache.maven.plugin.MojoExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(org.apache.maven.plugin.MojoExecutionException.class, mojo::execute);
    assertEquals("kfp4j:run failed: pipeline argument 'value1' is given twice (-Dkfp4j.arg); give each parameter once",
        e.getMessage());
    assertEquals(List.of(), log.errors, "the failure says it once, with no usage of the 'kfp4j run' command");
  }

  /**
   * {@code -Dkfp4j.arg} without a name ({@code -Dkfp4j.arg=hunter2}) failed the goal with the command's "should be NAME=VALUE but
   * was 'hunter2'", printing what may be a password: the goal fails saying the form in its property, and nothing of the value.
   */
  @Test
  void anArgumentWithoutItsNameOnMavensCommandLineFailsTheGoalWithoutItsValue() {
    RunMojo mojo = new RunMojo();
    mojo.classes = GoalsTest.CLASSES;
    mojo.classpath = List.of();
    mojo.pipeline = "add-example";
    mojo.root = dir.toFile();
    mojo.arg = "hunter2";
    GoalsTest.noConfig(mojo, dir);
    Recorded log = new Recorded();
    mojo.setLog(log);
    org.apache.maven.plugin.MojoExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(org.apache.maven.plugin.MojoExecutionException.class, mojo::execute);
    assertEquals("kfp4j:run failed: a pipeline argument (-Dkfp4j.arg) has no '='; write -Dkfp4j.arg=NAME=VALUE, a parameter's name "
        + "and its value (what was given is not shown: it may hold a credential)", e.getMessage());
    assertEquals(List.of(), log.errors, "said once, with no usage of the 'kfp4j run' command");
    assertEquals(List.of(), log.info.stream().filter(l -> l.contains("hunter2")).toList());
  }

  /** A parameter given no value: the goal says the property that gives one, not the command's option nor LocalRun's form. */
  @Test
  void aParameterWithoutAValueFailsTheGoalSayingItsProperty() {
    RunMojo mojo = new RunMojo();
    mojo.classes = GoalsTest.CLASSES;
    mojo.classpath = List.of();
    mojo.pipeline = "greet";
    mojo.root = dir.toFile();
    mojo.arguments = Map.of("greeting", "hi");
    GoalsTest.noConfig(mojo, dir);
    Recorded log = new Recorded();
    mojo.setLog(log);
    org.apache.maven.plugin.MojoExecutionException e =
        org.junit.jupiter.api.Assertions.assertThrows(org.apache.maven.plugin.MojoExecutionException.class, mojo::execute);
    assertEquals("kfp4j:run failed: pipeline 'greet' needs a value for [name] (they have no default); pass "
        + "-Dkfp4j.arg=name=value", e.getMessage());
  }

  /**
   * A config file given that is not there ({@code -Dkfp4j.config=nope.yaml}, or {@code <config>}) was passed over without a word,
   * and the pipeline ran without it, where the command refuses its {@code --config}: the goal fails naming it, in the goal's
   * terms. The project's own {@code kfp4j.yaml}, not there, is still no config at all.
   */
  @Test
  void aConfigFileGivenThatIsNotThereFailsTheGoal() throws Exception {
    for (Kfp4jMojo mojo : new Kfp4jMojo[] {new RunMojo(), new ValidateMojo()}) {
      if (mojo instanceof RunMojo run) {
        run.classpath = List.of();
        run.pipeline = "add-example";
        run.root = dir.toFile();
        run.arguments = Map.of("value1", "3", "value2", "4");
      }
      ((CompiledMojo) mojo).classes = GoalsTest.CLASSES;
      GoalsTest.noConfig(mojo, dir);
      Recorded log = new Recorded();
      mojo.setLog(log);
      mojo.execute();
      assertEquals(List.of(), log.errors, "the project has no kfp4j.yaml: nothing went wrong");

      Path given = dir.resolve("nope.yaml");
      mojo.config = given.toFile();
      org.apache.maven.plugin.MojoExecutionException e =
          org.junit.jupiter.api.Assertions.assertThrows(org.apache.maven.plugin.MojoExecutionException.class, mojo::execute);
      assertEquals("kfp4j:" + mojo.command() + " failed: no config file " + given + "; 'mvn kfp4j:init -Dkfp4j.host=<host>'"
          + " writes one", e.getMessage());
    }
  }

  @Test
  void runsTheArgoWorkflowOrTheKfp2SpecAndNamesTheRunFolderAsNews() throws Exception {
    for (String format : new String[] {null, "kfp2"}) {
      Recorded log = run(format);
      assertEquals(List.of(), log.errors, "nothing went wrong");
      assertTrue(log.info.contains("multiply = -7"), log.info.toString());
      assertTrue(log.info.stream().anyMatch(l -> l.startsWith("run folder: " + dir.resolve("add-example"))), log.info.toString());
    }
  }
}
